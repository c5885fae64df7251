package org.jasyncio.fuzz;

import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.jasyncio.fuzz.program.Probe;

/**
 * Divergences the fuzzer found and reported, whose fixes have not reached this branch. A line
 * of the async trace that differs from the reference's only in one of these ways does not make
 * the program a divergence (the rest of the trace is still compared): the campaign counts them
 * apart and keeps one shrunk example of each under {@code known-divergences/}, which
 * {@code KnownDivergencesTest} replays. Once a fix lands that test fails: move the example to
 * {@code regressions/} and delete the constant.
 */
enum KnownDivergence {

    /**
     * The stack frames in the program's classes of a failure that crossed awaits differ from the
     * synchronous program's: a method that returns another call's task (adoption) leaves no frame
     * of its own.
     */
    ASYNC_FRAMES((expected, actual) -> {
        int frames = expected.indexOf(" at [");
        return frames >= 0 && frames == actual.indexOf(" at [")
                && expected.substring(0, frames).equals(actual.substring(0, frames))
                && afterFrames(expected, frames).equals(afterFrames(actual, frames));
    });



    private final BiPredicate<String, String> matches;

    KnownDivergence(BiPredicate<String, String> matches) {
        this.matches = matches;
    }

    /** The known way in which trace line {@code actual} differs from the reference's {@code expected}, if any. */
    static Optional<KnownDivergence> of(String expected, String actual) {
        return Stream.of(TRACE_DIVERGENCES).filter(known -> known.matches.test(expected, actual)).findFirst();
    }

    private static final KnownDivergence[] TRACE_DIVERGENCES = {ASYNC_FRAMES};

    /** What follows the frames list that starts at {@code frames} (frames hold no {@code ']'}). */
    private static String afterFrames(String line, int frames) {
        return line.substring(line.indexOf(']', frames));
    }
}
