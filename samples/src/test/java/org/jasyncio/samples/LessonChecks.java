package org.jasyncio.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What each program of the lesson shows, as assertions on its transcript, shared by the tests of the
 * single samples, of the tour, and of the tour under the agent.
 */
final class LessonChecks {

    /** Far above the tick of the fixed monitor at scale 0.1 (0.1 s), far below its blocking (1 s). */
    static final double LONGEST_TICK_GAP = 0.6;

    private LessonChecks() {
    }

    /** "Program ran for N seconds", N at least the sleep (printed rounded) and not far above. */
    static void ranFor(Transcript transcript, double sleep) {
        double ranFor = transcript.ranFor();
        assertTrue(ranFor >= sleep - 0.005 && ranFor < sleep + 5,
                () -> "ran for " + ranFor + " s, slept " + sleep + " s");
    }

    /** Three threads (main and two others) report three different loops. */
    static void eachThreadItsOwnLoop(Transcript transcript) {
        List<Transcript.LoopLine> reports = transcript.loopLines();
        assertEquals(3, reports.size(), transcript::toString);
        assertEquals(3, reports.stream().map(Transcript.LoopLine::thread).collect(Collectors.toSet()).size(),
                () -> "thread names not distinct:\n" + transcript);
        assertEquals(3, reports.stream().map(Transcript.LoopLine::loopId).collect(Collectors.toSet()).size(),
                () -> "loop ids not distinct:\n" + transcript);
    }

    /**
     * Main, the coroutine and the resolver (in that order, the resolver last) report the same thread
     * and loop, and the transcript ends with "main exiting". Returns that one report.
     */
    static Transcript.LoopLine oneLoopThread(Transcript transcript) {
        List<Transcript.LoopLine> reports = transcript.loopLines();
        assertEquals(3, reports.size(), transcript::toString);
        assertEquals(1, reports.stream().map(r -> r.thread() + " = " + r.loopId()).distinct().count(),
                () -> "main, coro and resolver all run on one loop and thread:\n" + transcript);
        assertEquals("main exiting", transcript.lines().get(transcript.lines().size() - 1), transcript::toString);
        return reports.get(2);
    }

    /**
     * The resolver's callback runs on the loop's thread and wakes the coroutine:
     * three identical loop lines, then "coro exiting", "main exiting".
     */
    static void callbackOnTheLoopThread(Transcript transcript) {
        Transcript.LoopLine report = oneLoopThread(transcript);
        String line = "Is loop running in thread " + report.thread() + " = " + report.loopId();
        assertEquals(List.of(line, line, line, "coro exiting", "main exiting"), transcript.lines());
    }

    /** No "Alive" line between the resolver's start and the end of its {@code blockedFor} seconds. */
    static void aliveSilentWhileBlocked(Transcript transcript, double blockedFor) {
        int resolverLine = oneLoopThread(transcript).index();
        List<Transcript.Alive> before = transcript.alives().stream().filter(a -> a.index() < resolverLine).toList();
        List<Transcript.Alive> after = transcript.alives().stream().filter(a -> a.index() > resolverLine).toList();
        assertTrue(before.size() >= 2 && !after.isEmpty(),
                () -> "the monitor ticks before and after the resolver:\n" + transcript);
        double silence = after.get(0).at() - before.get(before.size() - 1).at();
        // "Alive at" has millisecond resolution, hence the 0.002
        assertTrue(silence >= blockedFor - 0.002, () -> "Alive lines resumed " + silence
                + " s after the last one; the resolver blocked for " + blockedFor + " s:\n" + transcript);
    }

    /** "Alive" lines span the resolver's {@code sleep} and never leave a long gap. */
    static void aliveTicksThroughout(Transcript transcript, double sleep) {
        int resolverLine = oneLoopThread(transcript).index();
        List<Transcript.Alive> alives = transcript.alives();
        assertTrue(alives.stream().anyMatch(a -> a.index() > resolverLine), transcript::toString);
        double span = alives.get(alives.size() - 1).at() - alives.get(0).at();
        assertTrue(span >= sleep, () -> "the monitor ticks throughout the resolver's sleep:\n" + transcript);
        double longestGap = transcript.longestAliveGap();
        assertTrue(longestGap < LONGEST_TICK_GAP, () -> "Alive lines " + longestGap + " s apart:\n" + transcript);
    }

    /** The selector loop runs the program; the proactor loop is announced, not faked. */
    static void selectorThenProactorLoop(Transcript transcript) {
        assertEquals(2, transcript.lines().size(), transcript::toString);
        assertTrue(transcript.lines().get(0).matches("Running on a SelectorEventLoop with id \\d+ in thread .+"),
                transcript::toString);
        assertTrue(transcript.lines().get(1).matches("Running on a ProactorEventLoop with id \\d+ in thread .+"),
                transcript::toString);
        assertNotEquals(transcript.lines().get(0).split(" ")[6], transcript.lines().get(1).split(" ")[6],
                "each policy made a loop of its own");
    }

    /**
     * The tour printed every program under the heading of its lesson section, in the lesson's order,
     * each showing what it should; {@code log} is what the loop logged (the slow-callback report).
     */
    static void wholeTour(Transcript tour, String log, double scale) throws IOException {
        List<String> headings = List.of(
                "== Running the Event Loop: AsyncIO.run(...) ==",
                "== Running the Event Loop: getEventLoop() and runUntilComplete(...) ==",
                "== Running Multiple Event Loops: one new loop per thread ==",
                "== Invoking Callbacks: callLater resolves the future a coroutine awaits ==",
                "== Blocking the Event Loop: a callback that sleeps synchronously, debug mode on ==",
                "== Blocking the Event Loop: the fix: the resolver awaits sleep ==",
                "== Types of Event Loops: the policy chooses the loop ==");
        assertEquals(headings, tour.lines().stream().filter(line -> line.startsWith("== ")).toList(),
                tour::toString);

        ranFor(tour.section(headings.get(0)), 10 * scale);
        ranFor(tour.section(headings.get(1)), 10 * scale);
        eachThreadItsOwnLoop(tour.section(headings.get(2)));
        callbackOnTheLoopThread(tour.section(headings.get(3)));
        aliveSilentWhileBlocked(tour.section(headings.get(4)), 10 * scale);
        SlowCallbackReport.find(log)
                .orElseThrow(() -> new AssertionError("no slow-callback report for the resolver in:\n" + log))
                .assertNamesResolver(10 * scale);
        aliveTicksThroughout(tour.section(headings.get(5)), 10 * scale);
        selectorThenProactorLoop(tour.section(headings.get(6)));
    }
}
