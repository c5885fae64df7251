package org.jasyncio.tasks;

import static org.jasyncio.testing.Steps.DONE;
import static org.jasyncio.testing.Steps.then;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;

import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.TimeoutException;
import org.jasyncio.sync.LoopFixture;
import org.jasyncio.testing.Steps;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code Lib/test/test_asyncio/test_waitfor.py}, each test named after the CPython test it
 * ports ({@code docs/conformance.md} lists all), in virtual time: the test drives the loop
 * ({@code await x} is {@code loop.runUntilComplete(x)}) and the coroutines are {@link Steps} and
 * {@link Bodies} bodies. asyncio's {@code wait_for(coro(), t)} wraps the coroutine in a task; here
 * the {@code @Async} call is that task.
 */
class WaitforConformanceTest extends LoopFixture {
    /** CPython's {@code _EPSILON}: a timeout that passes "timeout > 0" and costs nothing. */
    private static final double EPSILON = 0.0001;

    private final boolean[] flag = {false};

    /** CPython's {@code SlowTask}: runs for {@link #TASK_TIMEOUT} seconds of loop time, ignoring cancellations. */
    private static final double TASK_TIMEOUT = 0.2;

    /** {@code while (tosleep = exitat - time()) > 0: try: await sleep(tosleep) except CancelledError: pass}; then {@code exited = True}. */
    private Task<Object> slowTaskRun(double exitAt) {
        double toSleep = exitAt - loop.time();
        if (toSleep <= 0) {
            flag[0] = true;
            return Steps.inTurn();
        }
        return Steps.inTurn(v -> Bodies.awaitOrElse(AsyncIO.sleep(toSleep), null), v -> slowTaskRun(exitAt));
    }

    /**
     * {@code try: await sleep(delay) except CancelledError: await sleep(EPSILON); raise finally: flag = True}:
     * a task that takes a moment to finish cancelling.
     */
    private Task<Object> slowToCancel(double delay) {
        return Bodies.awaitWithCleanup(Steps.inTurn(v -> Bodies.awaitRecovering(AsyncIO.sleep(delay), t -> t),
                outcome -> outcome instanceof CancelledException
                        ? Steps.inTurn(w -> AsyncIO.sleep(EPSILON), w -> {
                            throw (CancelledException) outcome;
                        })
                        : DONE), () -> {
                            flag[0] = true;
                            return DONE;
                        });
    }

    /** {@code foo()}: {@code running = True; try: await sleep(10) finally: running = False; return 'done'}. */
    private Task<Object> fooSleeping(boolean[] running) {
        return Steps.inTurn(then(() -> running[0] = true), v -> Bodies.awaitWithCleanup(AsyncIO.sleep(10), () -> {
            running[0] = false;
            return DONE;
        }), v -> Task.completed("done"));
    }

    @Test
    void testAsyncioWaitForCancelled() {
        double exitAt = loop.time() + TASK_TIMEOUT;
        Task<Object> waitForTask = Steps.inTurn(v -> AsyncIO.waitFor(slowTaskRun(exitAt), TASK_TIMEOUT * 2));
        spin(1);
        waitForTask.cancel();
        loop.runUntilComplete(AsyncIO.wait(List.of(waitForTask)));
        assertTrue(flag[0], "the wait ended once the slow task had exited");
    }

    @Test
    void testAsyncioWaitForTimeout() {
        double exitAt = loop.time() + TASK_TIMEOUT;
        Task<Object> run = Steps.inTurn(v -> slowTaskRun(exitAt));
        // asyncio's test passes either way: the slow task swallowed the cancellation and returned
        loop.runUntilComplete(Bodies.awaitRecovering(AsyncIO.waitFor(run, TASK_TIMEOUT / 2), t -> {
            assertInstanceOf(TimeoutException.class, t);
            return null;
        }));
        assertTrue(flag[0], "the wait ended once the slow task had exited");
    }

    @Test
    void testWaitForTimeoutLessThen0Or0FutureDone() {
        Future<String> fut = loop.createFuture();
        fut.setResult("done");
        double t0 = loop.time();
        assertEquals("done", loop.runUntilComplete(AsyncIO.waitFor(fut, 0)));
        assertTrue(fut.done());
        assertTrue(loop.time() - t0 < 0.1);
    }

    @Test
    void testWaitForTimeoutLessThen0Or0CoroutineDoNotStarted() {
        double t0 = loop.time();
        // foo(), called while the loop is not running, is a task not started yet
        Task<Object> foo = Steps.inTurn(then(() -> flag[0] = true));
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(AsyncIO.waitFor(foo, 0)));
        assertFalse(flag[0], "foo never started");
        assertTrue(loop.time() - t0 < 0.1);
    }

    @Test
    void testWaitForTimeoutLessThen0Or0() {
        for (double timeout : new double[] {0, -1}) {
            boolean[] fooRunning = {false};
            Task<Object> fut = fooSleeping(fooRunning);
            spin(1);
            assertTrue(fooRunning[0], "started");
            double t0 = loop.time();
            assertThrows(TimeoutException.class, () -> loop.runUntilComplete(AsyncIO.waitFor(fut, timeout)));
            assertTrue(fut.done());
            assertTrue(fut.cancelled(), "cancelled by the timeout");
            assertFalse(fooRunning[0]);
            assertTrue(loop.time() - t0 < 0.1);
        }
    }

    @Test
    void testWaitFor() {
        boolean[] fooRunning = {false};
        Task<Object> fut = loop.createTask(() -> fooSleeping(fooRunning));
        double t0 = loop.time();
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(AsyncIO.waitFor(fut, 0.1)));
        assertTrue(fut.done());
        assertTrue(fut.cancelled(), "cancelled by the timeout");
        assertTrue(loop.time() - t0 < 0.2);
        assertFalse(fooRunning[0]);
    }

    @Test
    void testWaitForBlocking() {
        Task<Object> coro = Steps.inTurn(v -> Task.completed("done"));
        assertEquals("done", loop.runUntilComplete(AsyncIO.waitFor(coro, Double.POSITIVE_INFINITY)), "asyncio's None");
    }

    @Test
    void testWaitForRaceCondition() {
        Future<String> fut = loop.createFuture();
        Future<String> task = AsyncIO.waitFor(fut, 0.2);
        loop.callLater(0.1, () -> fut.setResult("ok"));
        assertEquals("ok", loop.runUntilComplete(task));
    }

    @Test
    void testWaitForCancellationRaceCondition() {
        Task<Object> inner = Bodies.awaitRecovering(AsyncIO.sleep(1), t -> {
            assertInstanceOf(CancelledException.class, t);
            return 1;
        });
        assertEquals(1, loop.runUntilComplete(AsyncIO.waitFor(inner, 0.01)), "the value returned after the cancellation");
    }

    @Test
    void testWaitForWaitsForTaskCancellation() {
        Task<Object> innerTask = loop.createTask(() -> slowToCancel(10));
        TimeoutException error = assertThrows(TimeoutException.class,
                () -> loop.runUntilComplete(AsyncIO.waitFor(innerTask, EPSILON)));
        assertTrue(flag[0], "the wait ended once the task had finished");
        assertInstanceOf(CancelledException.class, error.getCause(), "asyncio's __context__");
    }

    @Test
    @SuppressWarnings("unchecked")
    void testWaitForWaitsForTaskCancellationWTimeout0() {
        Task<Object>[] innerTask = new Task[1];
        Task<Object> foo = Steps.inTurn(then(() -> innerTask[0] = loop.createTask(() -> slowToCancel(10))),
                v -> AsyncIO.sleep(EPSILON), v -> AsyncIO.waitFor(innerTask[0], 0));
        TimeoutException error = assertThrows(TimeoutException.class, () -> loop.runUntilComplete(foo));
        assertTrue(flag[0]);
        assertInstanceOf(CancelledException.class, error.getCause());
    }

    @Test
    void testWaitForReraisesExceptionDuringCancellation() {
        class FooException extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
        // inner: try: await sleep(0.2) finally: raise FooException
        Supplier<Task<Object>> inner = () -> Bodies.awaitWithCleanup(AsyncIO.sleep(0.2), () -> {
            throw new FooException();
        });
        Task<Object> foo = Steps.inTurn(v -> AsyncIO.waitFor(loop.createTask(inner), EPSILON));
        assertThrows(FooException.class, () -> loop.runUntilComplete(foo));
    }

    /** {@code inner()}: sleeps 0.3 s, swallowing two cancellations, each followed by another sleep(0.3); returns 42. */
    private Task<Object> innerSwallowingTwice() {
        return Steps.inTurn(
                v -> Bodies.awaitRecovering(AsyncIO.sleep(0.3), t -> t),
                v -> v instanceof CancelledException ? Bodies.awaitRecovering(AsyncIO.sleep(0.3), t -> t) : DONE,
                v -> v instanceof CancelledException ? AsyncIO.sleep(0.3) : DONE,
                v -> Task.completed(42));
    }

    /** As CPython 3.12+ has it: the task running {@code wait_for} is cancelled before it starts. */
    @Test
    void testWaitForSelfCancellation() {
        Task<Object> innerTask = loop.createTask(this::innerSwallowingTwice);
        Task<Object> task = Steps.inTurn(v -> AsyncIO.waitFor(innerTask, 0.1));
        task.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(task),
                "wait_for is cancellable even when the task holds up the initial cancellation");
        assertEquals(42, loop.runUntilComplete(innerTask));
        assertFalse(innerTask.cancelled());
    }

    /**
     * The stored (3.11) form of {@code test_wait_for_self_cancellation}: the timeout's cancellation and then
     * the caller's both reach the inner task, which swallows them and returns 42. asyncio 3.11's
     * {@code wait_for} waited on a waiter of its own and ended cancelled; 3.12+'s is {@code async with
     * timeout(): return await fut}, whose {@code __aexit__} sees no exception and lets 42 through, as here.
     */
    @Test
    void testWaitForSelfCancellationAfterTheTimeout() {
        Task<Object> innerTask = loop.createTask(this::innerSwallowingTwice);
        Future<Object> task = AsyncIO.waitFor(innerTask, 0.1);
        loop.runUntilComplete(AsyncIO.sleep(0.2));
        task.cancel();
        assertEquals(42, loop.runUntilComplete(task), "asyncio 3.12+: both cancellations were swallowed");
        assertEquals(42, loop.runUntilComplete(innerTask));
    }

    @Test
    void testWaitForCancelSuppressed() {
        // return_42: try: await sleep(10) except CancelledError: return 42
        Task<Object> return42 = Steps.inTurn(v -> Bodies.awaitOrElse(AsyncIO.sleep(10), 42));
        assertEquals(42, loop.runUntilComplete(AsyncIO.waitFor(return42, 0.1)));
    }

    @Test
    void testWaitForIssue86296() {
        boolean[] reachedEnd = {false};
        Task<Object> task = loop.createTask(() -> Steps.inTurn(v -> AsyncIO.waitFor(Steps.inTurn(), 100),
                v -> AsyncIO.sleep(1), then(() -> reachedEnd[0] = true)));
        spin(1);
        assertFalse(task.done());
        task.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(task));
        assertFalse(reachedEnd[0]);
    }

    /** CPython's {@code _test_cancel_wait_for(timeout)}. */
    private void cancelWaitFor(double timeout) {
        Future<Object> never = loop.createFuture();
        Task<Object> task = loop.createTask(() -> Steps.inTurn(v -> never));
        Task<Object> wait = Steps.inTurn(v -> AsyncIO.waitFor(task, timeout));
        loop.callSoon(wait::cancel);
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(wait));
        assertTrue(task.cancelled(), "cancelling the wait cancels the task (Python issue #23219)");
    }

    @Test
    void testCancelBlockingWaitFor() {
        cancelWaitFor(Double.POSITIVE_INFINITY);
    }

    @Test
    void testCancelWaitFor() {
        cancelWaitFor(60.0);
    }
}
