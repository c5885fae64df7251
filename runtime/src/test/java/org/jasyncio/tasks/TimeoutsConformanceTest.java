package org.jasyncio.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.Timeout;
import org.jasyncio.TimeoutException;
import org.jasyncio.testing.CurrentVirtualLoop;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CPython's {@code Lib/test/test_asyncio/test_timeouts.py}, each test named after the CPython test it
 * ports ({@code docs/conformance.md} lists all). asyncio's {@code async with timeout(d): body} is
 * {@code timeout(d).run(body)} here; {@code sleepTwice(5)} is asyncio's {@code sleep(10)}, in virtual
 * time; a loop "busy" for a while is a callback that moves the virtual clock.
 */
class TimeoutsConformanceTest {
    @RegisterExtension
    final CurrentVirtualLoop current = new CurrentVirtualLoop();
    private final VirtualTimeLoop loop = current.loop();

    /** The @Async body {@code try { await(x) } catch (Throwable t) { record(t); throw t; }}. */
    private static Task<Object> rethrowing(Object awaitable, Throwable[] seen) {
        return Bodies.awaitRecovering(awaitable, t -> {
            seen[0] = t;
            throw (RuntimeException) t;
        });
    }

    /** Runs {@code guarded} inside a task of its own, as asyncio's tests run in one; returns what it ended with. */
    private Object inATask(java.util.function.Supplier<Future<?>> guarded) {
        return loop.runUntilComplete(loop.createTask(() -> Bodies.awaitRecovering(guarded.get(), t -> t)));
    }

    @Test
    void testTimeoutBasic() {
        Timeout cm = AsyncIO.timeout(0.01);
        Future<String> result = cm.run(Bodies.sleepTwice(5));
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(result));
        assertTrue(cm.expired());
    }

    @Test
    void testTimeoutAtBasic() {
        double deadline = loop.time() + 0.01;
        Timeout cm = AsyncIO.timeoutAt(deadline);
        Future<String> result = cm.run(Bodies.sleepTwice(5));
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(result));
        assertTrue(cm.expired());
        assertEquals(deadline, cm.when());
    }

    @Test
    void testNestedTimeouts() {
        double deadline = loop.time() + 0.01;
        Timeout cm1 = AsyncIO.timeoutAt(deadline);
        Timeout cm2 = AsyncIO.timeoutAt(deadline);
        Throwable[] seen = new Throwable[1];
        Future<String> inner = cm2.run(Bodies.sleepTwice(5));
        Future<Object> outer = cm1.run(rethrowing(inner, seen));
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(outer), "only the topmost raises it");
        assertInstanceOf(CancelledException.class, seen[0]);
        assertTrue(cm1.expired());
        assertTrue(cm2.expired());
    }

    @Test
    void testWaiterCancelled() {
        Throwable[] seen = new Throwable[1];
        Future<Object> result = AsyncIO.timeout(0.01).run(rethrowing(AsyncIO.sleep(10), seen));
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(result));
        assertInstanceOf(CancelledException.class, seen[0]);
    }

    @Test
    void testTimeoutNotCalled() {
        Timeout cm = AsyncIO.timeout(10);
        loop.runUntilComplete(cm.run(Bodies.sleepTwice(0.005)));
        double t1 = loop.time();
        assertFalse(cm.expired());
        assertTrue(cm.when() > t1);
    }

    @Test
    void testTimeoutDisabled() {
        Timeout cm = AsyncIO.timeout(Double.POSITIVE_INFINITY);
        loop.runUntilComplete(cm.run(Bodies.sleepTwice(0.005)));
        assertFalse(cm.expired());
        assertEquals(Double.POSITIVE_INFINITY, cm.when(), "asyncio's None");
    }

    @Test
    void testTimeoutAtDisabled() {
        Timeout cm = AsyncIO.timeoutAt(Double.POSITIVE_INFINITY);
        loop.runUntilComplete(cm.run(Bodies.sleepTwice(0.005)));
        assertFalse(cm.expired());
        assertEquals(Double.POSITIVE_INFINITY, cm.when());
    }

    @Test
    void testTimeoutZero() {
        double t0 = loop.time();
        Timeout cm = AsyncIO.timeout(0);
        Future<String> result = cm.run(Bodies.sleepTwice(5));
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(result));
        double t1 = loop.time();
        assertTrue(cm.expired());
        assertTrue(t0 <= cm.when() && cm.when() <= t1);
    }

    @Test
    void testTimeoutZeroSleepZero() {
        double t0 = loop.time();
        Timeout cm = AsyncIO.timeout(0);
        assertInstanceOf(TimeoutException.class, inATask(() -> cm.run(() -> Bodies.yieldMany(1))),
                "the expiry comes before the body's first wake-up");
        double t1 = loop.time();
        assertTrue(cm.expired());
        assertTrue(t0 <= cm.when() && cm.when() <= t1);
    }

    @Test
    void testTimeoutInThePastSleepZero() {
        double t0 = loop.time();
        Timeout cm = AsyncIO.timeout(-11);
        assertInstanceOf(TimeoutException.class, inATask(() -> cm.run(() -> Bodies.yieldMany(1))));
        assertTrue(cm.expired());
        assertTrue(t0 >= cm.when());
    }

    @Test
    void testForeignExceptionPassed() {
        Timeout cm = AsyncIO.timeout(0.01);
        IllegalArgumentException keyError = new IllegalArgumentException("KeyError");
        Future<Object> result = cm.run(Bodies.throwing(keyError));
        assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(result));
        assertFalse(cm.expired());
    }

    @Test
    void testForeignExceptionOnTimeout() {
        Future<Object> result = AsyncIO.timeout(0.01).run(Bodies.awaitRecovering(AsyncIO.sleep(1), t -> {
            throw new ArithmeticException("division by zero"); // crash()'s finally
        }));
        assertThrows(ArithmeticException.class, () -> loop.runUntilComplete(result));
    }

    @Test
    void testForeignCancelDoesntTimeoutIfNotExpired() {
        Timeout cm = AsyncIO.timeout(10);
        Future<String> result = cm.run(Bodies.sleepTwice(5));
        loop.callSoon(result::cancel);
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(result));
        assertFalse(cm.expired());
    }

    @Test
    void testOuterTaskIsNotCancelled() {
        Task<Object> task = loop.createTask(
                () -> Bodies.awaitRecovering(AsyncIO.timeout(0.001).run(() -> Bodies.sleepTwice(5)), t -> t));
        assertInstanceOf(TimeoutException.class, loop.runUntilComplete(task));
        assertFalse(task.cancelled());
        assertTrue(task.done());
    }

    @Test
    void testNestedTimeoutsConcurrent() {
        Timeout outer = AsyncIO.timeout(0.002);
        Timeout inner = AsyncIO.timeout(0.1);
        loop.callSoon(() -> loop.advance(0.01)); // time.sleep(0.01): the loop is busy
        Future<String> innerResult = inner.run(Bodies.sleepTwice(0.5));
        Future<Object> outerResult = outer.run(rethrowing(innerResult, new Throwable[1]));
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(outerResult));
        assertTrue(outer.expired());
        assertFalse(inner.expired());
    }

    @Test
    void testNestedTimeoutsLoopBusy() {
        double t0 = loop.time();
        Timeout outer = AsyncIO.timeout(0.1);
        Timeout inner = AsyncIO.timeout(0.01);
        loop.callSoon(() -> loop.advance(0.1)); // time.sleep(0.1): the loop is busy
        // assertRaises(TimeoutError) around the inner block: it catches a TimeoutError, lets the rest through
        Task<Object> innerCaught = Bodies.awaitRecovering(inner.run(Bodies.sleepTwice(0.5)), t -> {
            if (t instanceof TimeoutException) {
                return t;
            }
            throw (RuntimeException) t;
        });
        Future<List<Object>> outerResult = outer.run(Bodies.awaitEach(List.of(innerCaught, AsyncIO.sleep(10))));
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(outerResult));
        double t1 = loop.time();
        assertTrue(t0 <= t1 && t1 <= t0 + 1);
    }

    @Test
    void testReschedule() {
        double deadline1 = loop.time() + 10;
        double deadline2 = deadline1 + 20;
        Timeout cm = AsyncIO.timeoutAt(deadline1);
        Future<String> task = cm.run(Bodies.sleepTwice(25));
        assertEquals(deadline1, cm.when());
        cm.reschedule(deadline2);
        assertEquals(deadline2, cm.when());
        cm.reschedule(Double.POSITIVE_INFINITY);
        assertEquals(Double.POSITIVE_INFINITY, cm.when());
        loop.callSoon(task::cancel);
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(task));
        assertFalse(cm.expired());
    }

    @Test
    void testReprActive() {
        Timeout cm = AsyncIO.timeout(10);
        cm.run(Bodies.sleepTwice(5));
        assertTrue(cm.toString().matches("<Timeout \\[active\\] when=\\d+\\.\\d*>"), cm.toString());
    }

    @Test
    void testReprExpired() {
        Timeout cm = AsyncIO.timeout(0.01);
        Future<String> result = cm.run(Bodies.sleepTwice(5));
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(result));
        assertEquals("<Timeout [expired]>", cm.toString());
    }

    @Test
    void testReprFinished() {
        Timeout cm = AsyncIO.timeout(10);
        loop.runUntilComplete(cm.run(Bodies.yieldMany(1)));
        assertEquals("<Timeout [finished]>", cm.toString());
    }

    @Test
    void testReprDisabled() {
        Timeout cm = AsyncIO.timeout(Double.POSITIVE_INFINITY);
        cm.run(Bodies.sleepTwice(5));
        assertEquals("<Timeout [active] when=None>", cm.toString());
    }

    /** asyncio's {@code with assertRaises(E): block}: the block's outcome if it raised {@code E}, else it rethrows. */
    private static Task<Object> expecting(Class<? extends Throwable> expected, Future<?> block) {
        return Bodies.awaitRecovering(block, t -> {
            if (expected.isInstance(t)) {
                return t;
            }
            throw (RuntimeException) t;
        });
    }

    @Test
    void testNestedTimeoutInFinally() {
        Task<?>[] cleanup = new Task<?>[1];
        Future<Object> result = AsyncIO.timeout(0.01).run(Bodies.awaitWithCleanup(AsyncIO.sleep(1),
                () -> cleanup[0] = expecting(TimeoutException.class, AsyncIO.timeout(0.01).run(Bodies.sleepTwice(5)))));
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(result));
        assertInstanceOf(TimeoutException.class, cleanup[0].result(), "the timeout inside the finally raised its own");
    }

    @Test
    void testTimeoutAfterCancellation() {
        Task<?>[] cleanup = new Task<?>[1];
        Task<Object> task = loop.createTask(() -> Bodies.awaitRecovering(Bodies.awaitWithCleanup(AsyncIO.sleep(1),
                () -> cleanup[0] = expecting(TimeoutException.class, AsyncIO.timeout(0.0).run(Bodies.sleepTwice(0.5)))),
                t -> t));
        loop.callSoon(task::cancel);
        assertInstanceOf(CancelledException.class, loop.runUntilComplete(task), "the work cancelled, caught");
        assertInstanceOf(TimeoutException.class, cleanup[0].result());
    }

    @Test
    void testCancelInTimeoutAfterCancellation() {
        Task<?>[] cleanup = new Task<?>[1];
        Task<Object> task = loop.createTask(() -> Bodies.awaitRecovering(Bodies.awaitWithCleanup(AsyncIO.sleep(1),
                () -> {
                    Future<String> guarded = AsyncIO.timeout(1.0).run(Bodies.sleepTwice(1));
                    AsyncIO.getRunningLoop().callSoon(guarded::cancel); // current_task().cancel() inside the block
                    return cleanup[0] = expecting(CancelledException.class, guarded);
                }), t -> t));
        loop.callSoon(task::cancel);
        assertInstanceOf(CancelledException.class, loop.runUntilComplete(task));
        assertInstanceOf(CancelledException.class, cleanup[0].result(), "cancelled, not timed out");
    }

    @Test
    void testTimeoutExceptionCause() {
        Future<String> result = AsyncIO.timeout(0).run(Bodies.sleepTwice(0.5));
        TimeoutException timedOut = assertThrows(TimeoutException.class, () -> loop.runUntilComplete(result));
        assertInstanceOf(CancelledException.class, timedOut.getCause());
    }

    @Test
    void testTimeoutAlreadyEntered() {
        Timeout cm = AsyncIO.timeout(0.01);
        cm.run(Bodies.sleepTwice(5));
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> cm.run(Task.completed()));
        assertTrue(again.getMessage().contains("has already been entered"), again.getMessage());
    }

    @Test
    void testTimeoutDoubleEnter() {
        Timeout cm = AsyncIO.timeout(0.01);
        loop.runUntilComplete(cm.run(Task.completed()));
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> cm.run(Task.completed()));
        assertTrue(again.getMessage().contains("has already been entered"), again.getMessage());
    }

    @Test
    void testTimeoutFinished() {
        Timeout cm = AsyncIO.timeout(0.01);
        loop.runUntilComplete(cm.run(Task.completed()));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> cm.reschedule(0.02));
        assertTrue(refused.getMessage().contains("finished"), refused.getMessage());
    }

    @Test
    void testTimeoutNotEntered() {
        Timeout cm = AsyncIO.timeout(0.01);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> cm.reschedule(0.02));
        assertTrue(refused.getMessage().contains("has not been entered"), refused.getMessage());
    }
}
