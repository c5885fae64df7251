package org.jasyncio.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.InvalidStateException;
import org.jasyncio.testing.CurrentVirtualLoop;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ports CPython's test_futures: states, messages, callbacks, conversions, reporting. */
class FutureTest {
    @RegisterExtension
    final CurrentVirtualLoop current = new CurrentVirtualLoop();
    private final VirtualTimeLoop loop = current.loop();

    @Test
    void pendingFutureRefusesResultAndException() {
        Future<String> f = new Future<>(loop);
        assertFalse(f.done());
        assertEquals("Result is not set.", assertThrows(InvalidStateException.class, f::result).getMessage());
        assertEquals("Exception is not set.", assertThrows(InvalidStateException.class, f::exception).getMessage());
        assertEquals("<Future pending>", f.toString());
    }

    @Test
    void resultIsSetOnce() {
        Future<String> f = new Future<>(loop);
        f.setResult("a");
        assertEquals("a", f.result());
        assertNull(f.exception());
        InvalidStateException again = assertThrows(InvalidStateException.class, () -> f.setResult("b"));
        assertEquals("FINISHED: <Future finished result=a>", again.getMessage());
        assertThrows(InvalidStateException.class, () -> f.setException(new RuntimeException()));
        assertFalse(f.cancel());
        assertEquals("a", f.result());
    }

    @Test
    void exceptionIsThrownItselfEvenChecked() {
        Future<String> f = new Future<>(loop);
        Exception checked = new java.io.IOException("disk");
        f.setException(checked);
        Throwable thrown = assertThrows(Throwable.class, f::result);
        assertSame(checked, thrown);
        assertSame(checked, f.exception());
        assertFalse(f.cancelled());
    }

    /** A done callback that is also a Runnable: the future tells task steps from callbacks by type. */
    private static final class RunnableCallback implements Consumer<Future<String>>, Runnable {
        final List<String> calls = new ArrayList<>();

        @Override
        public void accept(Future<String> future) {
            calls.add("accept " + future.result());
        }

        @Override
        public void run() {
            calls.add("run");
        }
    }

    /** A done callback that is a Task too: the future must not take it for a task to wake. */
    private static final class TaskCallback extends Task<Void> implements Consumer<Future<String>> {
        final List<String> calls = new ArrayList<>();

        TaskCallback(EventLoop loop) {
            super(loop);
        }

        @Override
        public void accept(Future<String> future) {
            calls.add("accept " + future.result());
        }
    }

    @Test
    void aDoneCallbackThatIsATaskIsCalledAsACallbackAndCanBeRemoved() {
        Future<String> f = new Future<>(loop);
        TaskCallback kept = new TaskCallback(loop);
        TaskCallback removed = new TaskCallback(loop);
        f.addDoneCallback(kept);
        f.addDoneCallback(removed);
        assertEquals(1, f.removeDoneCallback(removed));
        f.setResult("done");
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertEquals(List.of("accept done"), kept.calls);
        assertEquals(List.of(), removed.calls);
    }

    @Test
    void aDoneCallbackThatIsAlsoARunnableIsCalledAsACallbackAndCanBeRemoved() {
        Future<String> f = new Future<>(loop);
        RunnableCallback kept = new RunnableCallback();
        RunnableCallback removed = new RunnableCallback();
        f.addDoneCallback(kept);
        f.addDoneCallback(removed);
        assertEquals(1, f.removeDoneCallback(removed));
        f.setResult("done");
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertEquals(List.of("accept done"), kept.calls);
        assertEquals(List.of(), removed.calls);

        RunnableCallback late = new RunnableCallback();
        f.addDoneCallback(late);
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertEquals(List.of("accept done"), late.calls, "registered after done: scheduled at once, still as a callback");
    }

    @Test
    void cancelCarriesMessage() {
        Future<String> f = new Future<>(loop);
        assertTrue(f.cancel("no longer needed"));
        assertTrue(f.cancelled());
        assertTrue(f.done());
        assertEquals("no longer needed", assertThrows(CancelledException.class, f::result).getMessage());
        assertThrows(CancelledException.class, f::exception);
        assertFalse(f.cancel());
        assertEquals("CANCELLED: <Future cancelled>",
                assertThrows(InvalidStateException.class, () -> f.setResult("x")).getMessage());
    }

    @Test
    void callbacksRunOnTheLoopInRegistrationOrderNeverInsideSetResult() {
        Future<Integer> f = new Future<>(loop);
        List<String> calls = new ArrayList<>();
        f.addDoneCallback(x -> calls.add("first " + x.result()));
        f.addDoneCallback(x -> calls.add("second"));
        f.addDoneCallback(x -> calls.add("third"));
        f.setResult(7);
        assertEquals(List.of(), calls);
        f.addDoneCallback(x -> calls.add("after done"));
        loop.runUntilComplete(AsyncIO.sleep(0));
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertEquals(List.of("first 7", "second", "third", "after done"), calls);
    }

    @Test
    void removeDoneCallbackCountsEveryRegistration() {
        Future<Integer> f = new Future<>(loop);
        List<String> calls = new ArrayList<>();
        Consumer<Future<Integer>> a = x -> calls.add("a");
        Consumer<Future<Integer>> b = x -> calls.add("b");
        f.addDoneCallback(a);
        f.addDoneCallback(b);
        f.addDoneCallback(a);
        assertEquals(2, f.removeDoneCallback(a));
        assertEquals(0, f.removeDoneCallback(a));
        f.setResult(1);
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertEquals(List.of("b"), calls);
    }

    @Test
    void getOnTheLoopThreadRefusesInsteadOfDeadlocking() {
        Future<Integer> f = new Future<>(loop);
        List<Throwable> seen = new ArrayList<>();
        loop.callSoon(() -> {
            try {
                f.get();
            } catch (Throwable t) {
                seen.add(t);
            }
            f.setResult(1);
        });
        loop.runUntilComplete(f);
        assertEquals(1, seen.size());
        assertTrue(seen.get(0) instanceof IllegalStateException);
        assertTrue(seen.get(0).getMessage().contains("await it instead"), seen.get(0).getMessage());
    }

    @Test
    void getOnTheThreadOfItsLoopThatIsNotRunningFailsAtOnce() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            // on a thread of its own, so that a get() that hangs (as it did) fails the test instead
            java.util.concurrent.Future<List<Throwable>> refusals = thread.submit(() -> {
                AsyncIO.setEventLoop(loop);
                List<Throwable> seen = new ArrayList<>();
                Future<String> future = loop.createFuture();
                Future<Object> task = org.jasyncio.testing.Relay.relay("Main.main(Main.java)", 3, future);
                seen.add(assertThrows(IllegalStateException.class, future::get));
                seen.add(assertThrows(IllegalStateException.class, task::get));
                seen.add(assertThrows(IllegalStateException.class, () -> future.get(1, TimeUnit.HOURS)));
                return seen;
            });
            for (Throwable refusal : refusals.get(10, TimeUnit.SECONDS)) {
                assertTrue(refusal.getMessage().contains("AsyncIO.run(")
                        && refusal.getMessage().contains("loop.runUntilComplete("), refusal.getMessage());
            }
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void getBlocksAnotherThreadUntilTheLoopCompletes() throws Exception {
        Future<String> f = new Future<>(loop);
        Future<String> failing = new Future<>(loop);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<String> waiter = pool.submit(() -> f.get(10, TimeUnit.SECONDS));
            java.util.concurrent.Future<Throwable> failedWaiter = pool.submit(() -> {
                try {
                    failing.get();
                    return null;
                } catch (ExecutionException e) {
                    return e.getCause();
                }
            });
            IllegalArgumentException boom = new IllegalArgumentException("boom");
            loop.callLater(1.0, () -> {
                f.setResult("done");
                failing.setException(boom);
            });
            loop.runUntilComplete(AsyncIO.gather(true, f, failing));
            assertEquals("done", waiter.get(10, TimeUnit.SECONDS));
            assertSame(boom, failedWaiter.get(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void toCompletableFutureMirrorsTheOutcome() {
        Future<String> ok = new Future<>(loop);
        Future<String> cancelled = new Future<>(loop);
        CompletableFuture<String> okStage = ok.toCompletableFuture();
        CompletableFuture<String> cancelledStage = cancelled.toCompletableFuture();
        ok.setResult("v");
        cancelled.cancel();
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertEquals("v", okStage.join());
        assertTrue(cancelledStage.isCancelled());
    }

    @Test
    void wrapFutureCompletedByAPoolThreadCompletesOnTheLoopThread() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<String> stage = new CompletableFuture<>();
            Future<String> wrapped = AsyncIO.wrapFuture(stage, loop);
            List<Thread> callbackThreads = new ArrayList<>();
            wrapped.addDoneCallback(x -> callbackThreads.add(Thread.currentThread()));
            pool.submit(() -> stage.complete("from pool")).get();
            assertEquals("from pool", loop.runUntilComplete(wrapped));
            loop.runUntilComplete(AsyncIO.sleep(0));
            assertEquals(List.of(Thread.currentThread()), callbackThreads);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancellingAWrappedFutureCancelsTheCompletableFuture() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        Future<String> wrapped = AsyncIO.wrapFuture(stage, loop);
        wrapped.cancel();
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertTrue(stage.isCancelled());
    }

    /** The loop's exception-handler reports, and a way to wait for the first while garbage is collected. */
    private final class LostReports {
        final List<Map<String, Object>> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final CountDownLatch first = new CountDownLatch(1);

        LostReports() {
            loop.setExceptionHandler((l, context) -> {
                contexts.add(context);
                first.countDown();
            });
        }

        /** Collects garbage until the first report arrives (about 5 s at most); true if it did. */
        boolean awaitAfterCollections() {
            try {
                for (int i = 0; i < 50; i++) {
                    System.gc();
                    if (first.await(100, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
                return false;
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        void assertOnlyReport(Throwable lost) {
            assertEquals(1, contexts.size(), contexts.toString());
            assertEquals("Future exception was never retrieved", contexts.get(0).get("message"));
            assertSame(lost, contexts.get(0).get("exception"));
        }
    }

    @Test
    void neverRetrievedExceptionIsReportedWhenCollected() {
        LostReports reports = new LostReports();
        RuntimeException lost = new RuntimeException("lost");
        failAndForget(lost);
        retrievedAndForget();
        assertTrue(reports.awaitAfterCollections(), "no report after repeated GC");
        reports.assertOnlyReport(lost);
    }

    @Test
    void aFailureForgottenOnTheRunningLoopIsReportedWhileItKeepsRunning() {
        LostReports reports = new LostReports();
        RuntimeException lost = new RuntimeException("lost on the loop");
        loop.callSoon(() -> {
            failAndForget(lost);
            retrievedByACallbackAndForget();
        });
        // The timer fires once the loop is idle, iterations after the failures: their reports
        // are armed (or settled) by then, and the loop is still running.
        Future<Boolean> sawReport = loop.createFuture();
        loop.callLater(0.001, () -> sawReport.setResult(reports.awaitAfterCollections()));
        assertTrue(loop.runUntilComplete(sawReport), "no report while the loop kept running");
        reports.assertOnlyReport(lost);
    }

    @Test
    void aFailureForgottenInTheLoopsLastIterationIsReportedAfterItStops() {
        LostReports reports = new LostReports();
        RuntimeException lost = new RuntimeException("lost as the loop stopped");
        loop.callSoon(() -> {
            failAndForget(lost);
            loop.stop();
        });
        loop.runForever();
        assertTrue(reports.awaitAfterCollections(), "no report after the loop stopped");
        reports.assertOnlyReport(lost);
    }

    /** Fails a future whose done callback retrieves the exception on the next iteration. */
    private void retrievedByACallbackAndForget() {
        Future<String> f = new Future<>(loop);
        f.addDoneCallback(Future::exception);
        f.setException(new RuntimeException("seen by its callback"));
    }

    private void failAndForget(RuntimeException e) {
        new Future<String>(loop).setException(e);
    }

    private void retrievedAndForget() {
        Future<String> f = new Future<>(loop);
        f.setException(new RuntimeException("seen"));
        f.exception();
    }
}
