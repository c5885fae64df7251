package org.jasyncio.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.jasyncio.CancelledException;
import org.jasyncio.fuzz.program.Feature;
import org.jasyncio.fuzz.program.Log;
import org.jasyncio.fuzz.program.Outcomes;
import org.jasyncio.fuzz.program.Schedule;
import org.junit.jupiter.api.Test;

/** The checker itself: it must notice a twin that behaves differently, and agree with one that does not. */
class DifferentialTest {

    private static final String HEADER = """
            package fz;
            import static org.jasyncio.AsyncIO.await;
            import org.jasyncio.Async;
            import org.jasyncio.CancelledException;
            import org.jasyncio.Task;
            import org.jasyncio.fuzz.program.*;
            """;

    /** A plan seed whose {@link Schedule#CANCELLING} cancels the first evaluation of await site 0. */
    private static final long SEED_CANCELLING_FIRST_AWAIT = seedsCancellingFirstAwait().findFirst().orElseThrow();

    private static LongStream seedsCancellingFirstAwait() {
        return LongStream.iterate(0, seed -> seed + 1).filter(seed -> {
            try {
                Outcomes.now(new Log(Schedule.CANCELLING, Differential.decisions(seed, "P0")), 0, 5);
                return false;
            } catch (CancelledException cancelled) {
                return true;
            } catch (Exception failed) {
                return false;
            }
        });
    }

    private static String unit(String asyncBody, String syncBody) {
        return HEADER + "final class A { static final class P0 {\n@Async static Task<Integer> m0(Log log, int depth) "
                + "throws Exception {\n" + asyncBody + "\n}\n} }\nfinal class S { static final class P0 {\n"
                + "static Integer m0(Log log, int depth) throws Exception {\n" + syncBody + "\n}\n} }\n";
    }

    @Test
    void equalTwinsPassUnderEverySchedule() {
        String source = unit("""
                int sum = 0;
                for (int i = 0; i < 3; i++) {
                    try { sum += (int) await(Outcomes.future(log, 0, i)); }
                    catch (Exception e) { log.add("caught " + e.getMessage()); }
                    log.add("sum " + sum);
                }
                return Task.completed(sum + (int) await(Outcomes.stage(log, 1, 10)));""", """
                int sum = 0;
                for (int i = 0; i < 3; i++) {
                    try { sum += (int) Outcomes.now(log, 0, i); }
                    catch (Exception e) { log.add("caught " + e.getMessage()); }
                    log.add("sum " + sum);
                }
                return sum + (int) Outcomes.now(log, 1, 10);""");
        assertPasses(source, 7);
    }

    @Test
    void everyKindOfAwaitableDeliversTheSameOutcomes() {
        String twin = """
                int sum = 0;
                for (int i = 0; i < 4; i++) {
                    try {
                        sum += (int) %s;
                        sum += (int) %s;
                        sum += (int) %s;
                        sum += (int) %s;
                    } catch (Exception e) { log.add("caught " + e.getMessage() + Probe.suppressed(e)); }
                }
                return %s;""";
        String source = unit(twin.formatted("await(Outcomes.minimal(log, 0, i))", "await(Outcomes.handWritten(log, 1, i))",
                "await(Entry.relay(log, Outcomes.future(log, 2, i)))", "await(Entry.created(log, Outcomes.future(log, 3, i)))",
                "Task.completed(sum)"), twin.formatted("Outcomes.now(log, 0, i)", "Outcomes.now(log, 1, i)",
                "Outcomes.now(log, 2, i)", "Outcomes.now(log, 3, i)", "sum"));
        Verdict verdict = assertPasses(source, 11);
        assertTrue(verdict.reached().containsAll(Set.of(Feature.MINIMAL_STAGE, Feature.HAND_WRITTEN_STAGE,
                Feature.AWAITED_TASK, Feature.AWAITED_CREATED_TASK, Feature.EQUAL_DEADLINES)), verdict.reached().toString());
    }

    @Test
    void concurrentCallsOfOneMethodJoinTheirTracesInOrder() {
        String callee = """
                @Async static Task<Integer> m1(Log log, int depth, int a) throws Exception {
                    int local = a;
                    for (int i = 0; i < 3; i++) {
                        local += (int) await(Outcomes.future(log, 0, i));
                        log.add("local " + local + " " + Probe.task(log));
                    }
                    return Task.completed(local);
                }""";
        String source = HEADER + "final class A { static final class P0 {\n@Async static Task<String> m0(Log log, int depth) "
                + "throws Exception {\nreturn Task.completed(\"\" + await(Forks.start(log, 1, 3, (k, i) -> m1(k, depth, "
                + "10 * i))));\n}\n" + callee + "\n} }\nfinal class S { static final class P0 {\n"
                + "static String m0(Log log, int depth) throws Exception {\nreturn \"\" + Forks.now(log, 1, 3, (k, i) -> "
                + "m1(k, depth, 10 * i));\n}\n" + callee.replace("@Async static Task<Integer>", "static Integer")
                .replace("await(Outcomes.future", "(Outcomes.now").replace("Probe.task(log)", "Probe.TASK")
                .replace("Task.completed(local)", "local") + "\n} }\n";
        Verdict verdict = assertPasses(source, 5);
        assertTrue(verdict.reached().contains(Feature.CONCURRENT_CALLS), verdict.reached().toString());
    }

    @Test
    void aSuppressedExceptionTheReferenceLacksIsADivergence() {
        String twin = """
                try { throw new FuzzUnchecked("a"); }
                catch (FuzzUnchecked e) { %slog.add("caught" + Probe.suppressed(e)); }
                return %s;""";
        String source = unit(twin.formatted("Probe.suppress(e, new FuzzChecked(\"s\")); ", "Task.completed(1)"),
                twin.formatted("", "1"));
        Verdict verdict = Differential.check(source, List.of("P0"), 7).get(0);
        assertEquals(Verdict.Kind.DIVERGENCE, verdict.kind());
        assertTrue(verdict.detail().contains("expected [caught] but was [caught suppressed [FuzzChecked: s]]"),
                verdict.detail());
    }

    /** The twins behave alike, but for {@link KnownDivergence known divergences} (their examples track them). */
    private static Verdict assertPasses(String source, long planSeed) {
        Verdict verdict = Differential.check(source, List.of("P0"), planSeed).get(0);
        assertTrue(Set.of(Verdict.Kind.PASS, Verdict.Kind.KNOWN_DIVERGENCE).contains(verdict.kind()), verdict.detail());
        return verdict;
    }

    @Test
    void aDifferentSideEffectIsADivergence() {
        String source = unit("log.add(\"x\" + (int) await(Outcomes.future(log, 0, 1)));\nreturn Task.completed(1);",
                "log.add(\"x\" + (int) Outcomes.now(log, 0, 2));\nreturn 1;");
        Verdict verdict = Differential.check(source, List.of("P0"), 7).get(0);
        assertEquals(Verdict.Kind.DIVERGENCE, verdict.kind());
        assertTrue(verdict.detail().contains("expected [x2] but was [x1]"), verdict.detail());
    }

    @Test
    void aDifferentFailureIsADivergence() {
        String source = unit("throw new FuzzUnchecked(\"a\");", "throw new IllegalStateException(\"a\");");
        Verdict verdict = Differential.check(source, List.of("P0"), 7).get(0);
        assertEquals(Verdict.Kind.DIVERGENCE, verdict.kind());
        assertTrue(verdict.detail().contains("IllegalStateException"), verdict.detail());
    }

    @Test
    void aCancellationRunsTheFinallyAndTheHandlerThatSwallowsIt() throws Exception {
        String twin = """
                int v = 1;
                try {
                    try { v = (int) %s; }
                    finally { log.add("finally " + v); }
                } catch (CancelledException e) { log.add("caught " + e.getMessage()); v = -1; }
                return %s;""";
        String source = unit(twin.formatted("await(Outcomes.future(log, 0, 5))", "Task.completed(v)"),
                twin.formatted("Outcomes.now(log, 0, 5)", "v"));
        // Some seeds cancel the pending future, others complete it first and cancel before the task resumes.
        Set<Set<Feature>> flavours = new HashSet<>();
        seedsCancellingFirstAwait().limit(8).forEach(seed -> {
            flavours.add(cancellations(assertPasses(source, seed)));
        });
        assertEquals(Set.of(Set.of(Feature.CANCELLED_AT_AWAIT, Feature.CANCELLATION_SWALLOWED),
                Set.of(Feature.CANCELLED_AT_AWAIT, Feature.CANCELLED_AFTER_COMPLETION, Feature.CANCELLATION_SWALLOWED)),
                flavours);
    }

    @Test
    void aCancellationThatEscapesShowsInTheTrace() {
        String source = unit("""
                try { return Task.completed((int) await(Outcomes.stage(log, 0, 5))); }
                finally { log.add("finally"); }""", """
                try { return (int) Outcomes.now(log, 0, 5); }
                finally { log.add("finally"); }""");
        assertEquals(Set.of(Feature.CANCELLED_AT_AWAIT, Feature.CANCELLATION_ESCAPED),
                cancellations(assertPasses(source, SEED_CANCELLING_FIRST_AWAIT)));

        String swallowedByReference = unit("return Task.completed((int) await(Outcomes.future(log, 0, 5)));",
                "try { return (int) Outcomes.now(log, 0, 5); } catch (CancelledException e) { return 0; }");
        Verdict divergence = Differential.check(swallowedByReference, List.of("P0"), SEED_CANCELLING_FIRST_AWAIT).get(0);
        assertEquals(Verdict.Kind.DIVERGENCE, divergence.kind());
        assertTrue(divergence.detail().contains("expected [return 0] but was [cancelled: cancel site 0 #1]"),
                divergence.detail());
    }

    /** What a verdict says about cancellations (its other features depend on how outcomes were delivered). */
    private static Set<Feature> cancellations(Verdict verdict) {
        Set<Feature> cancellations = EnumSet.of(Feature.CANCELLED_AT_AWAIT, Feature.CANCELLED_AFTER_COMPLETION,
                Feature.CANCELLATION_SWALLOWED, Feature.CANCELLATION_ESCAPED);
        cancellations.retainAll(verdict.reached());
        return cancellations;
    }

    /** P0 ends; P1's async twin never ends its first run; P2's never ends any: each is judged on its own. */
    @Test
    void aProgramThatTimesOutWithItsUnitRunsAgainAloneBeforeItCountsAsHung() {
        String never = "await(org.jasyncio.AsyncIO.getRunningLoop().<Integer>createFuture());\n";
        String source = HEADER + "final class A {\n"
                + program("static int runs;\n", "log.add(\"p0\");\nreturn Task.completed(0);", "P0")
                + program("static int runs;\n", "if (runs++ == 0) " + never + "log.add(\"p1\");\nreturn Task.completed(1);", "P1")
                + program("static int runs;\n", never + "return Task.completed(2);", "P2")
                + "}\nfinal class S {\n"
                + reference("log.add(\"p0\");\nreturn 0;", "P0") + reference("log.add(\"p1\");\nreturn 1;", "P1")
                + reference("return 2;", "P2") + "}\n";
        List<Verdict> verdicts = Differential.check(source, List.of("P0", "P1", "P2"), 7,
                new Differential.Timeouts(5, 5));

        assertEquals(Verdict.Kind.PASS, verdicts.get(0).kind(), verdicts.get(0).detail());
        Verdict slow = verdicts.get(1);
        assertEquals(Verdict.Kind.SLOW, slow.kind(), slow.detail());
        assertFalse(slow.failed());
        assertTrue(slow.detail().matches("ALL_DONE: with its unit, no result after [0-9.]+ s \\(its loop thread used "
                + "[0-9.]+ s of CPU and was in .*\\); unfinished: \\[P1, P2\\]; alone, all ended in .*"), slow.detail());
        Verdict hang = verdicts.get(2);
        assertEquals(Verdict.Kind.HANG, hang.kind(), hang.detail());
        // Both loops idled: nothing was ready, so their threads waited in the selector.
        assertTrue(hang.detail().matches(".*; alone, no result after [0-9.]+ s \\(its loop thread used [0-9.]+ s of CPU "
                + "and was in sun\\.nio\\.ch\\..*"), hang.detail());
    }

    /** P1's error, thrown by a resumed body, leaves the loop: the unit's loop fails, P1's alone too, P0's does not. */
    @Test
    void aVirtualMachineErrorThatLeavesTheLoopIsACrashOfItsProgramAlone() {
        String source = HEADER + "final class A {\n"
                + program("", "log.add(\"p0\");\nreturn Task.completed(0);", "P0")
                + program("", "await(org.jasyncio.AsyncIO.sleep(0));\n"
                        + "if (depth > 0) throw new StackOverflowError(\"deep\");\nreturn Task.completed(1);", "P1")
                + "}\nfinal class S {\n"
                + reference("log.add(\"p0\");\nreturn 0;", "P0")
                + reference("if (depth > 0) throw new StackOverflowError(\"deep\");\nreturn 1;", "P1") + "}\n";
        List<Verdict> verdicts = Differential.check(source, List.of("P0", "P1"), 7);

        assertFalse(verdicts.get(0).failed(), verdicts.get(0).detail());
        assertEquals(Verdict.Kind.CRASH, verdicts.get(1).kind(), verdicts.get(1).detail());
        assertTrue(verdicts.get(1).detail().contains("the loop failed outside the programs after"),
                verdicts.get(1).detail());
        assertTrue(verdicts.get(1).detail().contains("java.lang.StackOverflowError: deep"), verdicts.get(1).detail());
    }

    private static String program(String fields, String body, String name) {
        return "static final class " + name + " {\n" + fields + "@Async static Task<Integer> m0(Log log, int depth) "
                + "throws Exception {\n" + body + "\n}\n}\n";
    }

    private static String reference(String body, String name) {
        return "static final class " + name + " {\nstatic Integer m0(Log log, int depth) throws Exception {\n" + body
                + "\n}\n}\n";
    }

    @Test
    void aProgramJavacRejectsIsInvalidNotAFailure() {
        Verdict verdict = Differential.check(unit("return Task.completed(undefined);", "return 1;"), List.of("P0"), 7)
                .get(0);
        assertEquals(Verdict.Kind.INVALID, verdict.kind());
        assertTrue(verdict.detail().contains("undefined"), verdict.detail());
    }
}
