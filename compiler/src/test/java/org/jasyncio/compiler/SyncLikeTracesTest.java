package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An exception that crosses awaits looks to user code as it would in the same program run
 * synchronously: the same suppressed exceptions, and a stack trace whose frames of the program are
 * its methods and lines, innermost first, without the event loop's frames.
 */
class SyncLikeTracesTest {

    static final String SOURCE = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;

            public class Traces {
                static class Closer implements AutoCloseable {
                    @Override public void close() { throw new IllegalArgumentException("close"); }
                }

                @Async public static Task<Void> outer(boolean suspend) {
                    await(middle(suspend)); // outer
                    return Task.completed();
                }

                @Async public static Task<Void> middle(boolean suspend) {
                    try (Closer closer = new Closer()) {
                        await(inner(suspend)); // middle
                    }
                    return Task.completed();
                }

                @Async public static Task<Void> inner(boolean suspend) {
                    if (suspend) {
                        await(Later.value(1));
                    }
                    throw new IllegalStateException("inner"); // inner
                }

                @Async public static Task<Void> awaitsFailedHere(boolean stage) {
                    await(failsHere(stage)); // awaitsHere
                    return Task.completed();
                }

                @Async public static Task<Void> failsHere(boolean stage) {
                    Throwable failure = new IllegalStateException("here"); // failsHere
                    if (stage) {
                        await(java.util.concurrent.CompletableFuture.failedFuture(failure));
                    }
                    await(failed(failure));
                    return Task.completed();
                }

                @Async public static Task<Void> awaitsHandedOver() {
                    await(handsOver()); // awaitsHandedOver
                    return Task.completed();
                }

                @Async public static Task<Void> handsOver() {
                    await(gather(failed(new IllegalStateException("handed over")))); // handsOver
                    return Task.completed();
                }

                static Future<Void> failed(Throwable failure) {
                    Future<Void> future = getRunningLoop().createFuture();
                    future.setException(failure);
                    return future;
                }

                public static void syncOuter() {
                    syncMiddle(); // outer
                }

                public static void syncMiddle() {
                    try (Closer closer = new Closer()) {
                        syncInner(); // middle
                    }
                }

                public static void syncInner() {
                    throw new IllegalStateException("inner"); // inner
                }

                public static void syncAwaitsFailedHere() {
                    syncFailsHere(); // awaitsHere
                }

                public static void syncAwaitsHandedOver() {
                    syncHandsOver(); // awaitsHandedOver
                }

                public static void syncHandsOver() {
                    throw new IllegalStateException("handed over"); // handsOver
                }

                public static void syncFailsHere() {
                    throw new IllegalStateException("here"); // failsHere
                }
            }
            """;

    static Fixtures fx;

    @BeforeAll
    static void compile() {
        fx = Fixtures.compile("Traces", SOURCE).load();
    }

    /** The line of the {@code n}-th (0 or 1) line of {@link #SOURCE} ending with {@code // marker}. */
    private static int line(String marker, int n) {
        List<String> lines = SOURCE.lines().collect(Collectors.toList());
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// " + marker) && ++found == n) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + n + " marked " + marker);
    }

    /** The frames of the fixture class, as "method:line". */
    private static List<String> programFrames(Throwable failure) {
        return Arrays.stream(failure.getStackTrace()).filter(frame -> frame.getClassName().equals("fx.Traces"))
                .map(frame -> frame.getMethodName() + ":" + frame.getLineNumber()).collect(Collectors.toList());
    }

    private static List<String> suppressed(Throwable failure) {
        return Arrays.stream(failure.getSuppressed()).map(Throwable::toString).collect(Collectors.toList());
    }

    private static Throwable synchronousFailure() {
        return assertThrows(IllegalStateException.class, () -> fx.call("fx.Traces", "syncOuter"));
    }

    @Test
    void theSynchronousProgramsTraceIsTheReference() {
        Throwable sync = synchronousFailure();
        assertEquals(List.of("syncInner:" + line("inner", 1), "syncMiddle:" + line("middle", 1),
                "syncOuter:" + line("outer", 1)), programFrames(sync));
        assertEquals(List.of("java.lang.IllegalArgumentException: close"), suppressed(sync));
    }

    @Test
    void aFailureAfterSuspensionsReadsLikeTheSynchronousOne() {
        Throwable async = assertThrows(IllegalStateException.class, () -> fx.run("fx.Traces", "outer", true));
        assertEquals(List.of("inner:" + line("inner", 0), "middle:" + line("middle", 0), "outer:" + line("outer", 0)),
                programFrames(async));
        assertEquals(suppressed(synchronousFailure()), suppressed(async));
        assertTrue(Arrays.stream(async.getStackTrace()).noneMatch(frame -> frame.getClassName().startsWith("org.jasyncio.")),
                () -> Arrays.toString(async.getStackTrace()));
    }

    @Test
    void aFailureThatNeverSuspendedReadsLikeTheSynchronousOne() {
        Throwable async = assertThrows(IllegalStateException.class, () -> fx.run("fx.Traces", "outer", false));
        assertEquals(List.of("inner:" + line("inner", 0), "middle:" + line("middle", 0), "outer:" + line("outer", 0)),
                programFrames(async));
        assertEquals(suppressed(synchronousFailure()), suppressed(async));
    }

    /**
     * A future failed on the awaiting method's own stack and awaited at once: the failure's trace
     * already shows that method and its callers, and the await adds nothing (it used to add the
     * method once more).
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFutureFailedOnTheAwaitingStackShowsTheMethodOnce(boolean stage) {
        Throwable async = assertThrows(IllegalStateException.class, () -> fx.run("fx.Traces", "awaitsFailedHere", stage));
        Throwable sync = assertThrows(IllegalStateException.class, () -> fx.call("fx.Traces", "syncAwaitsFailedHere"));
        List<String> expected = List.of("failsHere:" + line("failsHere", 0), "awaitsFailedHere:" + line("awaitsHere", 0));
        assertEquals(expected, programFrames(async));
        assertEquals(List.of("syncFailsHere:" + line("failsHere", 1), "syncAwaitsFailedHere:" + line("awaitsHere", 1)),
                programFrames(sync));
    }

    /**
     * A failure made by a method and handed to a future of another kind ({@code gather}'s), which
     * the method awaits: the trace made on the method's stack shows it at that line already, and the
     * await, which resumes it from the loop, adds nothing (it used to add the method once more).
     */
    @Test
    void aFailureHandedToAnotherFutureAndAwaitedShowsTheMethodOnce() {
        Throwable async = assertThrows(IllegalStateException.class, () -> fx.run("fx.Traces", "awaitsHandedOver"));
        Throwable sync = assertThrows(IllegalStateException.class, () -> fx.call("fx.Traces", "syncAwaitsHandedOver"));
        assertEquals(List.of("handsOver:" + line("handsOver", 0), "awaitsHandedOver:" + line("awaitsHandedOver", 0)),
                programFrames(async));
        assertEquals(List.of("syncHandsOver:" + line("handsOver", 1), "syncAwaitsHandedOver:" + line("awaitsHandedOver", 1)),
                programFrames(sync));
    }
}
