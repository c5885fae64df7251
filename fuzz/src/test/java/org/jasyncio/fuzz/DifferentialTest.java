package org.jasyncio.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(List.of(new Verdict("P0", Verdict.Kind.PASS, "")), Differential.check(source, List.of("P0"), 7));
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
            Verdict verdict = Differential.check(source, List.of("P0"), seed).get(0);
            assertEquals(Verdict.Kind.PASS, verdict.kind(), verdict.detail());
            flavours.add(verdict.reached());
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
        Verdict verdict = Differential.check(source, List.of("P0"), SEED_CANCELLING_FIRST_AWAIT).get(0);
        assertEquals(Verdict.Kind.PASS, verdict.kind(), verdict.detail());
        assertEquals(Set.of(Feature.CANCELLED_AT_AWAIT, Feature.CANCELLATION_ESCAPED), verdict.reached());

        String swallowedByReference = unit("return Task.completed((int) await(Outcomes.future(log, 0, 5)));",
                "try { return (int) Outcomes.now(log, 0, 5); } catch (CancelledException e) { return 0; }");
        Verdict divergence = Differential.check(swallowedByReference, List.of("P0"), SEED_CANCELLING_FIRST_AWAIT).get(0);
        assertEquals(Verdict.Kind.DIVERGENCE, divergence.kind());
        assertTrue(divergence.detail().contains("expected [return 0] but was [cancelled: cancel site 0 #1]"),
                divergence.detail());
    }

    @Test
    void aProgramJavacRejectsIsInvalidNotAFailure() {
        Verdict verdict = Differential.check(unit("return Task.completed(undefined);", "return 1;"), List.of("P0"), 7)
                .get(0);
        assertEquals(Verdict.Kind.INVALID, verdict.kind());
        assertTrue(verdict.detail().contains("undefined"), verdict.detail());
    }
}
