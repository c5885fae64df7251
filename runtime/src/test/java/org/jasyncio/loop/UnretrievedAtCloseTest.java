package org.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.testing.Relay;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.Test;

/**
 * A failed task whose exception nobody retrieved is reported when its loop closes at the latest, not
 * only if the garbage collector happens to run before the program ends; and only once.
 */
class UnretrievedAtCloseTest {

    private final List<Map<String, Object>> reports = new CopyOnWriteArrayList<>();

    /** A task of {@code loop} that failed with {@code failure} and that nobody awaits. */
    private static Task<Object> failedAndForgotten(VirtualTimeLoop loop, RuntimeException failure) {
        Future<Object> gate = loop.createFuture();
        Task<Object> task = loop.createTask(() -> Relay.relay("pkg.Lost.lost(Lost.java)", 5, gate));
        loop.callSoon(() -> gate.setException(failure));
        Future<Object> later = loop.createFuture();
        loop.callLater(1, () -> later.setResult(null));
        loop.runUntilComplete(later);
        assertTrue(task.done());
        return task;
    }

    private void assertReportedOnce(RuntimeException failure, Task<?> task) {
        assertEquals(1, reports.size(), reports::toString);
        assertEquals("Task exception was never retrieved", reports.get(0).get("message"));
        assertSame(failure, reports.get(0).get("exception"));
        assertEquals(task.toString(), reports.get(0).get("task"));
    }

    @Test
    void closeReportsItOnceThoughTheTaskIsStillReachable() {
        VirtualTimeLoop loop = VirtualTimeLoop.create();
        loop.setExceptionHandler((l, context) -> reports.add(context));
        RuntimeException lost = new IllegalStateException("lost");
        Task<Object> task = failedAndForgotten(loop, lost);
        assertEquals(List.of(), reports, "nothing before close: the task is still reachable");
        loop.close();
        assertReportedOnce(lost, task);
        loop.close();
        assertEquals(1, reports.size());
    }

    @Test
    void aRetrievedExceptionIsNotReported() {
        VirtualTimeLoop loop = VirtualTimeLoop.create();
        loop.setExceptionHandler((l, context) -> reports.add(context));
        Task<Object> task = failedAndForgotten(loop, new IllegalStateException("seen"));
        task.exception();
        loop.close();
        assertEquals(List.of(), reports);
    }

    @Test
    void asyncioRunReportsATaskThatFailedUnawaitedBeforeItReturns() {
        RuntimeException lost = new IllegalStateException("lost in run");
        Task<?>[] child = new Task<?>[1];
        AsyncIO.run(() -> {
            EventLoop loop = AsyncIO.getRunningLoop();
            loop.setExceptionHandler((l, context) -> reports.add(context));
            child[0] = loop.createTask(() -> {
                throw lost;
            });
            return Relay.relay("pkg.Main.main(Main.java)", 9, AsyncIO.sleep(0));
        });
        assertReportedOnce(lost, child[0]);
    }

    @Test
    void theCollectorDoesNotReportAgainWhatCloseReported() throws InterruptedException {
        VirtualTimeLoop loop = VirtualTimeLoop.create();
        CountDownLatch canaryReported = new CountDownLatch(1);
        RuntimeException lost = new IllegalStateException("lost");
        RuntimeException canary = new IllegalStateException("canary");
        loop.setExceptionHandler((l, context) -> {
            reports.add(context);
            if (context.get("exception") == canary) {
                canaryReported.countDown();
            }
        });
        String reportedTask = closeAfterFailing(loop, lost, canary);
        // the task and the canary became unreachable together: once the canary's report came from
        // the collector, the task's cleaning action has had its turn
        for (int i = 0; i < 50 && !canaryReported.await(100, TimeUnit.MILLISECONDS); i++) {
            System.gc();
        }
        assertEquals(0, canaryReported.getCount(), "no report from the collector after repeated GC");
        assertEquals(2, reports.size(), reports::toString);
        assertSame(lost, reports.get(0).get("exception"));
        assertEquals(reportedTask, reports.get(0).get("task"));
        assertSame(canary, reports.get(1).get("exception"));
    }

    /** Closes {@code loop} after a task failed with {@code lost}, then fails a future with {@code canary}; keeps neither. */
    private String closeAfterFailing(VirtualTimeLoop loop, RuntimeException lost, RuntimeException canary) {
        Task<Object> task = failedAndForgotten(loop, lost);
        loop.close();
        assertEquals(1, reports.size());
        new Future<Object>(loop).setException(canary);
        return task.toString();
    }
}
