package org.jasyncio.tasks;

import static org.jasyncio.AsyncIO.gather;
import static org.jasyncio.AsyncIO.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.DoneAndPending;
import org.jasyncio.EventLoop;
import org.jasyncio.EventLoopPolicy;
import org.jasyncio.Future;
import org.jasyncio.ReturnWhen;
import org.jasyncio.Task;
import org.jasyncio.Timeout;
import org.jasyncio.TimeoutException;
import org.jasyncio.testing.CurrentVirtualLoop;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ports test_tasks (gather, shield, wait, as_completed), test_waitfor, test_timeouts, test_runners. */
class ModuleFunctionsTest {
    @RegisterExtension
    final CurrentVirtualLoop current = new CurrentVirtualLoop();
    private final VirtualTimeLoop loop = current.loop();

    private <T> Future<T> resolveLater(double delay, T value) {
        return sleep(delay, value);
    }

    private Future<Object> failLater(double delay, RuntimeException e) {
        Future<Object> f = new Future<>(loop);
        loop.callLater(delay, () -> f.setException(e));
        return f;
    }

    @Test
    void gatherKeepsArgumentOrder() {
        List<Object> results = loop.runUntilComplete(gather(resolveLater(3, "slow"), resolveLater(1, "fast"),
                Task.completed("done")));
        assertEquals(List.of("slow", "fast", "done"), results);
        assertEquals(3.0, loop.time(), 1e-6);
        assertEquals(List.of(), loop.runUntilComplete(gather()));
    }

    @Test
    void gatherFailsAtTheFirstErrorAndLetsTheOthersRun() {
        RuntimeException boom = new RuntimeException("boom");
        Future<String> slow = resolveLater(5, "slow");
        Future<List<Object>> all = gather(slow, failLater(1, boom));
        assertSame(boom, assertThrows(RuntimeException.class, () -> loop.runUntilComplete(all)));
        assertEquals(1.0, loop.time(), 1e-6);
        assertFalse(slow.done());
        assertEquals("slow", loop.runUntilComplete(slow));
    }

    @Test
    void gatherWithReturnExceptionsPutsFailuresInTheResults() {
        RuntimeException boom = new RuntimeException("boom");
        Future<String> cancelled = new Future<>(loop);
        cancelled.cancel("gone");
        List<Object> results = loop.runUntilComplete(gather(true, resolveLater(1, "ok"), failLater(2, boom),
                cancelled));
        assertEquals("ok", results.get(0));
        assertSame(boom, results.get(1));
        assertInstanceOf(CancelledException.class, results.get(2));
        assertEquals("gone", ((CancelledException) results.get(2)).getMessage());
    }

    @Test
    void cancellingGatherCancelsTheChildren() {
        Future<String> a = resolveLater(5, "a");
        Future<String> b = resolveLater(5, "b");
        Future<List<Object>> all = gather(a, b);
        loop.callLater(1, () -> assertTrue(all.cancel()));
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(all));
        assertTrue(a.cancelled() && b.cancelled() && all.cancelled());
    }

    @Test
    void gatherWithACancelledChildFailsWithCancelledException() {
        Future<String> a = resolveLater(5, "a");
        loop.callLater(1, a::cancel);
        Future<List<Object>> all = gather(a, resolveLater(2, "b"));
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(all));
        assertFalse(all.cancelled(), "the outer future is not cancelled by a child's cancellation");
    }

    @Test
    void waitForReturnsTheResultInTime() {
        assertEquals("v", loop.runUntilComplete(AsyncIO.waitFor(resolveLater(1, "v"), 2)));
    }

    @Test
    void waitForExpiresCancelsTheWorkAndRaisesTimeout() {
        Task<String> work = Bodies.sleepTwice(10);
        Future<String> guarded = AsyncIO.waitFor(work, 3);
        TimeoutException expired = assertThrows(TimeoutException.class, () -> loop.runUntilComplete(guarded));
        assertEquals("timed out after 3 s: the deadline at loop time 3.000 passed before the work finished",
                expired.getMessage());
        assertTrue(work.cancelled());
        assertEquals(3.0, loop.time(), 1e-6);
    }

    @Test
    void waitForReturnsTheValueOfWorkThatSwallowedTheCancellation() {
        Task<Object> stubborn = Bodies.awaitOrElse(new Future<>(loop), "swallowed");
        assertEquals("swallowed", loop.runUntilComplete(AsyncIO.waitFor(stubborn, 1)));
    }

    @Test
    void waitForWithZeroTimeoutCancelsAtOnceButReturnsDoneResults() {
        assertEquals("now", loop.runUntilComplete(AsyncIO.waitFor(Task.completed("now"), 0)));
        Future<String> pending = resolveLater(1, "later");
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(AsyncIO.waitFor(pending, 0)));
        assertTrue(pending.cancelled());
        assertEquals(0.0, loop.time(), 1e-6);
    }

    @Test
    void cancellingWaitForCancelsTheWorkAndIsNotATimeout() {
        Future<String> work = resolveLater(10, "x");
        Future<String> guarded = AsyncIO.waitFor(work, 5);
        loop.callLater(1, guarded::cancel);
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(guarded));
        assertTrue(work.cancelled());
    }

    @Test
    void nestedTimeoutsOnlyTheExpiredOneRaises() {
        Timeout outer = AsyncIO.timeout(10);
        Timeout inner = AsyncIO.timeout(2);
        Future<String> innerResult = inner.run(Bodies.sleepTwice(5));
        Future<Object> outerResult = outer.run(Bodies.awaitOrElse(innerResult, "unused"));
        TimeoutException expired = assertThrows(TimeoutException.class, () -> loop.runUntilComplete(innerResult));
        assertTrue(expired.getMessage().startsWith("timed out after 2 s: "), expired.getMessage());
        assertTrue(inner.expired());
        assertFalse(outer.expired());
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(outerResult),
                "the outer body did not catch TimeoutException, so it propagates as is");
        assertEquals(2.0, loop.time(), 1e-6);
    }

    @Test
    void outerTimeoutExpiringCancelsTheInnerOneWithoutItsTimeout() {
        Timeout outer = AsyncIO.timeout(1);
        Timeout inner = AsyncIO.timeout(5);
        Future<String> innerResult = inner.run(Bodies.sleepTwice(5));
        Future<List<Object>> result = outer.run(Bodies.awaitEach(List.of(innerResult)));
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(result));
        assertTrue(outer.expired());
        assertFalse(inner.expired());
        assertThrows(CancelledException.class, innerResult::result);
        assertEquals(1.0, loop.time(), 1e-6);
    }

    @Test
    void anExpiredTimeoutNamesTheLimitInForce() {
        Timeout moved = AsyncIO.timeout(1);
        Future<String> result = moved.run(Bodies.sleepTwice(5));
        moved.reschedule(loop.time() + 0.5);
        TimeoutException expired = assertThrows(TimeoutException.class, () -> loop.runUntilComplete(result));
        assertEquals("timed out after 0.5 s: the deadline at loop time 0.500 passed before the work finished",
                expired.getMessage());
    }

    @Test
    void timeoutCanBeRescheduledAndAPastDeadlineFiresNextIteration() {
        Timeout t = AsyncIO.timeout(1);
        Future<String> guarded = t.run(Bodies.sleepTwice(2));
        t.reschedule(loop.time() + 10);
        assertEquals("slept", loop.runUntilComplete(guarded));
        assertEquals(4.0, loop.time(), 1e-6);
        assertThrows(IllegalStateException.class, () -> t.reschedule(20));
        Timeout past = AsyncIO.timeoutAt(loop.time() - 1);
        Future<String> late = past.run(Bodies.sleepTwice(1));
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(late));
        assertEquals(4.0, loop.time(), 1e-6);
        assertThrows(IllegalStateException.class, () -> past.run(Task.completed("again")));
    }

    @Test
    void shieldProtectsTheWorkFromCancellation() {
        Future<String> work = resolveLater(5, "kept");
        Future<String> shielded = AsyncIO.shield(work);
        loop.callLater(1, shielded::cancel);
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(shielded));
        assertFalse(work.cancelled());
        assertEquals("kept", loop.runUntilComplete(work));
        Future<String> done = Task.completed("done");
        assertSame(done, AsyncIO.shield(done));
    }

    @Test
    void waitFirstCompletedFirstExceptionAndAllCompleted() {
        Future<String> fast = resolveLater(1, "fast");
        Future<String> slow = resolveLater(3, "slow");
        DoneAndPending first = loop.runUntilComplete(AsyncIO.wait(List.of(fast, slow), ReturnWhen.FIRST_COMPLETED));
        assertEquals(Set.of(fast), first.done());
        assertEquals(Set.of(slow), first.pending());

        Future<Object> failing = failLater(1, new RuntimeException("x"));
        Future<String> slower = resolveLater(5, "slower");
        DoneAndPending firstError = loop.runUntilComplete(
                AsyncIO.wait(List.of(slower, failing), ReturnWhen.FIRST_EXCEPTION));
        assertEquals(Set.of(failing), firstError.done());

        DoneAndPending all = loop.runUntilComplete(AsyncIO.wait(List.of(slow, slower)));
        assertEquals(Set.of(slow, slower), all.done());
        assertTrue(all.pending().isEmpty());
    }

    @Test
    void waitNeverRaisesOnTimeoutAndRefusesEmpty() {
        Future<String> slow = resolveLater(10, "slow");
        DoneAndPending timedOut = loop.runUntilComplete(AsyncIO.wait(List.of(slow), 2, ReturnWhen.ALL_COMPLETED));
        assertEquals(Set.of(slow), timedOut.pending());
        assertFalse(slow.cancelled());
        assertEquals(2.0, loop.time(), 1e-6);
        assertEquals("Set of Tasks/Futures is empty.",
                assertThrows(IllegalArgumentException.class, () -> AsyncIO.wait(List.of())).getMessage());
    }

    @Test
    void asCompletedYieldsInCompletionOrder() {
        List<Future<String>> ordered = AsyncIO.asCompleted(
                List.of(resolveLater(3, "c"), resolveLater(1, "a"), resolveLater(2, "b")));
        List<Object> seen = new ArrayList<>();
        for (Future<String> next : ordered) {
            seen.add(loop.runUntilComplete(next));
        }
        assertEquals(List.of("a", "b", "c"), seen);
        List<Future<String>> partial = AsyncIO.asCompleted(List.of(resolveLater(1, "x"), resolveLater(9, "y")), 2);
        assertEquals("x", loop.runUntilComplete(partial.get(0)));
        TimeoutException expired = assertThrows(TimeoutException.class, () -> loop.runUntilComplete(partial.get(1)));
        assertEquals("timed out after 2 s: asCompleted has 1 futures still pending", expired.getMessage());
    }

    @Test
    void toThreadResultLandsOnTheLoopThread() {
        Thread loopThread = Thread.currentThread();
        List<Thread> callbackThreads = new ArrayList<>();
        Task<Object> task = loop.createTask(() -> {
            Future<String> off = AsyncIO.toThread(() -> Thread.currentThread() == loopThread ? "same" : "pool");
            off.addDoneCallback(f -> callbackThreads.add(Thread.currentThread()));
            return Bodies.awaitOrElse(off, null);
        });
        assertEquals("pool", loop.runUntilComplete(task));
        assertEquals(List.of(loopThread), callbackThreads);
    }

    @Test
    void moduleFunctionsThatNeedARunningLoopSaySo() {
        assertEquals("no running event loop",
                assertThrows(IllegalStateException.class, AsyncIO::getRunningLoop).getMessage());
        assertThrows(IllegalStateException.class, () -> AsyncIO.createTask(() -> Task.completed()));
        assertNull(AsyncIO.currentTask());
        assertSame(loop, AsyncIO.getEventLoop());
    }

    @Test
    void allTasksListsPendingTasksOfTheRunningLoop() {
        Future<Object> gate = new Future<>(loop);
        Task<Object> waiting = Bodies.awaitOrElse(gate, null);
        Task<Set<Task<?>>> snapshot = loop.createTask(() -> Task.completed(AsyncIO.allTasks()));
        Set<Task<?>> tasks = loop.runUntilComplete(snapshot);
        assertTrue(tasks.contains(waiting));
        assertTrue(tasks.contains(snapshot));
        gate.setResult(null);
        loop.runUntilComplete(waiting);
    }

    @Test
    void runCancelsLeftoversClosesTheLoopAndResetsTheCurrentLoop() {
        EventLoopPolicy previous = AsyncIO.getEventLoopPolicy();
        List<EventLoop> made = new ArrayList<>();
        AsyncIO.setEventLoopPolicy(new EventLoopPolicy(() -> {
            VirtualTimeLoop l = VirtualTimeLoop.create();
            made.add(l);
            return l;
        }));
        try {
            List<Task<?>> leftovers = new ArrayList<>();
            List<Map<String, Object>> reports = new ArrayList<>();
            String result = AsyncIO.run(() -> {
                AsyncIO.getRunningLoop().setExceptionHandler((l, context) -> reports.add(context));
                leftovers.add(Bodies.sleepTwice(100));
                leftovers.add(Bodies.awaitEach(List.of(failLaterOnRunningLoop())));
                return Task.completed("main done");
            });
            assertEquals("main done", result);
            assertTrue(leftovers.get(0).cancelled());
            assertTrue(made.get(0).isClosed());
            assertEquals(List.of(), reports);
            Task<Object> nested = Task.completed(null);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> AsyncIO.run(() -> Task.completed(AsyncIO.run(() -> nested))));
            assertEquals("AsyncIO.run() cannot be called from a running event loop", e.getMessage());
            assertEquals("boom", assertThrows(IllegalStateException.class,
                    () -> AsyncIO.run(() -> Bodies.throwing(new IllegalStateException("boom")))).getMessage());
        } finally {
            AsyncIO.setEventLoopPolicy(previous);
            AsyncIO.setEventLoop(loop);
        }
    }

    private static Future<Object> failLaterOnRunningLoop() {
        return new Future<>(AsyncIO.getRunningLoop());
    }
}
