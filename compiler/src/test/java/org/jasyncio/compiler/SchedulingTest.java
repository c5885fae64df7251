package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** When rewritten bodies run: eager start, lazy start, resumption on the loop, cancellation at the await. */
class SchedulingTest {

    static final String SOURCE = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;
            import java.util.*;
            import java.util.concurrent.CancellationException;
            import java.util.concurrent.CompletableFuture;

            public class Sched {
                public static final List<String> log = new ArrayList<>();

                @Async public static Task<Void> child(String name) {
                    log.add(name + " start");
                    await(Later.value(0));
                    log.add(name + " resumed");
                    return Task.completed();
                }

                @Async public static Task<Void> parent() {
                    Task<Void> c = child("eager");
                    log.add("after call");
                    Task<Void> lazy = createTask(() -> child("lazy"));
                    log.add("after createTask");
                    await(c);
                    await(lazy);
                    return Task.completed();
                }

                @Async public static Task<Thread> resumedOn(CompletableFuture<String> fromPool) {
                    String value = await(fromPool);
                    log.add(value);
                    return Task.completed(Thread.currentThread());
                }

                @Async public static Task<String> catchesCancellation(Future<String> never) {
                    try {
                        return Task.completed(await(never));
                    } catch (CancellationException e) {
                        log.add("cancelled at the await: " + e.getClass().getSimpleName());
                        return Task.completed("caught " + await(Later.value("and went on")));
                    }
                }

                @Async public static Task<Void> usesItsParameterOnlyBeforeAwaiting(String name, long n) {
                    log.add(name + n);
                    await(Later.value(0));
                    return Task.completed();
                }

                @Async public static Task<String> returnsAnotherTask() {
                    await(Later.value(0));
                    return catchesCancellation(Later.value("delegated"));
                }
            }
            """;

    static Fixtures fx;

    @BeforeAll
    static void compile() {
        fx = Fixtures.compile("Sched", SOURCE).load();
    }

    private static List<String> log() {
        return fx.staticField("fx.Sched", "log");
    }

    @Test
    void aCallOnTheRunningLoopStartsAtOnceAndCreateTaskStartsNextIteration() {
        log().clear();
        fx.run("fx.Sched", "parent");
        assertEquals(List.of("eager start", "after call", "after createTask", "lazy start", "eager resumed",
                "lazy resumed"), log());
    }

    @Test
    void aCallWithoutARunningLoopStartsWhenTheLoopRuns() {
        log().clear();
        EventLoop loop = AsyncIO.newEventLoop();
        AsyncIO.setEventLoop(loop);
        try {
            @SuppressWarnings("unchecked")
            Task<Void> task = (Task<Void>) fx.call("fx.Sched", "child", "deferred");
            assertEquals(List.of(), log(), "nothing runs before the loop does");
            loop.runUntilComplete(task);
            assertEquals(List.of("deferred start", "deferred resumed"), log());
        } finally {
            AsyncIO.setEventLoop(null);
            loop.close();
        }
    }

    @Test
    void aThreadWithoutALoopGetsAsyncioErrorNamingTheMethod() throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                fx.call("fx.Sched", "child", "orphan");
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "worker-7");
        thread.start();
        thread.join();
        assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
        String message = thrown.get().getMessage();
        assertTrue(message.contains("There is no current event loop in thread 'worker-7'"), message);
        assertTrue(message.contains("fx.Sched.child"), message);
    }

    @Test
    void aCompletableFutureCompletedByAPoolThreadResumesOnTheLoopThread() {
        log().clear();
        CompletableFuture<String> fromPool = new CompletableFuture<>();
        AtomicReference<Thread> loopThread = new AtomicReference<>();
        Thread resumedOn = AsyncIO.run(() -> {
            loopThread.set(Thread.currentThread());
            @SuppressWarnings("unchecked")
            Task<Thread> task = (Task<Thread>) fx.call("fx.Sched", "resumedOn", fromPool);
            CompletableFuture.runAsync(() -> fromPool.complete("from pool"));
            return task;
        });
        assertSame(loopThread.get(), resumedOn);
        assertEquals(List.of("from pool"), log());
    }

    @Test
    void cancellationArrivesAtTheAwaitAndMayBeCaught() {
        log().clear();
        String result = AsyncIO.run(() -> {
            org.jasyncio.Future<String> never = new org.jasyncio.Future<>();
            @SuppressWarnings("unchecked")
            Task<String> task = (Task<String>) fx.call("fx.Sched", "catchesCancellation", never);
            AsyncIO.getRunningLoop().callSoon(task::cancel);
            return task;
        });
        assertEquals("caught and went on", result);
        assertEquals(List.of("cancelled at the await: CancelledException"), log());
    }

    @Test
    void aTaskSuspendedWithNothingLiveKeepsNoFrame() {
        AsyncIO.run(() -> {
            Task<?> task = (Task<?>) fx.call("fx.Sched", "usesItsParameterOnlyBeforeAwaiting", "x", 1L);
            assertEquals(org.jasyncio.internal.Coroutine.class, task.getClass(),
                    "the parameters are dead at the await, and only state 0 would need them: no frame fields");
            @SuppressWarnings("unchecked")
            Task<Void> typed = (Task<Void>) task;
            return typed;
        });
    }

    @Test
    void returningAnotherTaskCompletesAsThatTaskCompletes() {
        assertEquals("delegated", fx.run("fx.Sched", "returnsAnotherTask"));
    }

    @Test
    void aTaskCancelledWhileSuspendedIsCancelled() {
        assertThrows(java.util.concurrent.CancellationException.class, () -> AsyncIO.run(() -> {
            @SuppressWarnings("unchecked")
            Task<Void> task = (Task<Void>) fx.call("fx.Sched", "child", "victim");
            AsyncIO.getRunningLoop().callSoon(task::cancel);
            return task;
        }));
    }
}
