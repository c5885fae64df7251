package org.jasyncio.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;
import org.jasyncio.testing.CurrentVirtualLoop;
import org.jasyncio.testing.Steps;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ports CPython's test_tasks, driving the coroutine protocol with hand-written state machines. */
class TaskTest {
    @RegisterExtension
    final CurrentVirtualLoop current = new CurrentVirtualLoop();
    private final VirtualTimeLoop loop = current.loop();

    @Test
    void sleepsTwiceInVirtualTime() {
        Task<String> task = Bodies.sleepTwice(5.0);
        assertFalse(task.done());
        assertEquals("slept", loop.runUntilComplete(task));
        assertEquals(10.0, loop.time(), 1e-6);
    }

    @Test
    void awaitingDoneFuturesNeverSuspendsAndAllocatesNoCoroutine() {
        Future<String> done = new Future<>(loop);
        done.setResult("x");
        Task<?>[] inner = new Task<?>[1];
        loop.runUntilComplete(loop.createTask(() -> {
            inner[0] = Bodies.awaitEach(List.of(done, Task.completed("y")));
            return Task.completed();
        }));
        assertFalse(inner[0] instanceof Coroutine, "a call that never suspends has no coroutine");
        assertEquals(List.of("x", "y"), inner[0].result());
        Task<String> given = Task.completed("z");
        assertSame(given, Bodies.returnTask(given));
    }

    @Test
    void eagerBodyRunsUntilItsFirstRealSuspension() {
        Future<String> gate = new Future<>(loop);
        List<Object> seen = new ArrayList<>();
        Task<Object> outer = loop.createTask(() -> {
            Task<List<Object>> inner = Bodies.awaitEach(List.of(gate));
            seen.add(inner.done());
            seen.add(AsyncIO.getRunningLoop() == loop);
            gate.setResult("open");
            return Bodies.awaitOrElse(inner, "cancelled");
        });
        assertEquals(List.of("open"), loop.runUntilComplete(outer));
        assertEquals(List.of(false, true), seen);
    }

    @Test
    void cancelWakesTheTaskAtItsAwaitAndTheBodyMayCatchIt() {
        Future<String> never = new Future<>(loop);
        Task<Object> task = Bodies.awaitOrElse(never, "caught");
        loop.callLater(1.0, () -> assertTrue(task.cancel("stop")));
        assertEquals("caught", loop.runUntilComplete(task));
        assertFalse(task.cancelled(), "a task whose body caught the cancellation is not cancelled");
        assertTrue(never.cancelled(), "cancelling the task cancels the future it awaited");
        assertEquals(1, task.cancelling());
        assertEquals(0, task.uncancel());
        assertFalse(task.cancel(), "a done task cannot be cancelled");
    }

    @Test
    void cancellationThatEscapesCancelsTheTaskWithItsMessage() {
        Task<String> task = Bodies.sleepTwice(10.0);
        loop.callLater(1.0, () -> task.cancel("enough"));
        CancelledException e = assertThrows(CancelledException.class, () -> loop.runUntilComplete(task));
        assertEquals("enough", e.getMessage());
        assertTrue(task.cancelled());
        assertEquals(1.0, loop.time(), 1e-6, "cancelling the sleep cancelled its timer");
    }

    @Test
    void cancelBeforeTheFirstStepNeverRunsTheBody() {
        List<String> ran = new ArrayList<>();
        Task<Object> task = loop.createTask(() -> {
            ran.add("body");
            return Task.completed("x");
        });
        assertTrue(task.cancel());
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(task));
        assertEquals(List.of(), ran);
    }

    @Test
    void promptCancellationWinsOverAResultAlreadyOnItsWay() {
        Future<String> f = new Future<>(loop);
        Task<Object> task = Bodies.awaitOrElse(f, "cancelled at the await");
        loop.callLater(1.0, () -> {
            f.setResult("too late");
            task.cancel();
        });
        assertEquals("cancelled at the await", loop.runUntilComplete(task));
    }

    @Test
    void failureEscapingTheBodyFailsTheTask() {
        Future<String> f = new Future<>(loop);
        Task<List<Object>> task = Bodies.awaitEach(List.of(f));
        IllegalStateException boom = new IllegalStateException("boom");
        loop.callLater(1.0, () -> f.setException(boom));
        assertSame(boom, assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(task)));
        assertSame(boom, Bodies.throwing(boom).exception());
    }

    @Test
    void aMillionRealSuspensionsRunInConstantStack() {
        assertEquals(1_000_000, loop.runUntilComplete(Bodies.yieldMany(1_000_000)));
    }

    @Test
    void sleepZeroYieldsExactlyOneIteration() {
        List<String> order = new ArrayList<>();
        Task<Void> task = loop.createTask(() -> {
            loop.callSoon(() -> order.add("callSoon before yield"));
            Task<Integer> yielded = Bodies.yieldMany(1);
            loop.callSoon(() -> order.add("callSoon after yield"));
            yielded.addDoneCallback(t -> order.add("task resumed and finished"));
            return Task.completed();
        });
        loop.runUntilComplete(task);
        loop.runUntilComplete(AsyncIO.sleep(0));
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertEquals(List.of("callSoon before yield", "callSoon after yield", "task resumed and finished"), order);
    }

    @Test
    void reprShowsNameMethodLineAndAwaitedFuture() {
        Future<String> f = new Future<>(loop);
        Task<Object> task = Bodies.awaitOrElse(f, null);
        task.setName("greeter");
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertEquals("<Task pending name='greeter' coro=<Bodies.awaitOrElse() running at Bodies.java:7> "
                + "wait_for=<Future pending>>", task.toString());
        f.setResult("hi");
        loop.runUntilComplete(task);
        assertEquals("<Task finished name='greeter' coro=<Bodies.awaitOrElse() done, defined at "
                + "Bodies.java> result=hi>", task.toString());
        assertTrue(Bodies.sleepTwice(1).getName().startsWith("Task-"));
    }

    @Test
    void taskRefusesSetResultAndSetException() {
        Task<String> task = Bodies.sleepTwice(1);
        assertEquals("Task does not support setResult (set_result): its result is what its body returns",
                assertThrows(UnsupportedOperationException.class, () -> task.setResult("x")).getMessage());
        assertThrows(UnsupportedOperationException.class, () -> task.setException(new RuntimeException()));
        loop.runUntilComplete(task);
    }

    @Test
    void currentTaskIsTheRunningCoroutineAndNullOutside() {
        assertEquals(null, AsyncIO.currentTask());
        Task<?>[] seen = new Task<?>[1];
        Task<Void> task = loop.createTask(() -> {
            seen[0] = AsyncIO.currentTask();
            return Task.completed();
        });
        loop.runUntilComplete(task);
        assertSame(task, seen[0]);
        assertEquals(null, AsyncIO.currentTask());
    }

    @Test
    void aTaskCannotAwaitItself() {
        Task<?>[] self = new Task<?>[1];
        Future<Object> first = new Future<>(loop);
        List<Future<?>> awaited = new java.util.AbstractList<>() {
            @Override
            public Future<?> get(int index) {
                return index == 0 ? first : self[0];
            }

            @Override
            public int size() {
                return 2;
            }
        };
        self[0] = Bodies.awaitEach(awaited);
        loop.callSoon(() -> first.setResult(null));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(self[0]));
        assertTrue(e.getMessage().startsWith("Task cannot await on itself"), e.getMessage());
    }

    /** An error of the JVM's kind, of the test's own (asyncio's {@code SystemExit}). */
    private static final class Fatal extends VirtualMachineError {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aVirtualMachineErrorBeforeAnySuspensionIsThrownAtTheCall() {
        Fatal fatal = new Fatal();
        List<Object> seen = new ArrayList<>();
        Task<Void> caller = loop.createTask(() -> {
            try {
                Steps.inTurn(v -> {
                    throw fatal;
                });
                seen.add("the call returned a task");
            } catch (Fatal thrown) {
                seen.add(thrown);
            }
            return Task.completed();
        });
        loop.runUntilComplete(caller);
        assertEquals(List.of(fatal), seen);
    }

    @Test
    void aBodyCannotAwaitTheTaskThatAdoptedIt() {
        // the body suspends first, so createTask's task adopts it; then the body awaits that task
        Future<Object> first = new Future<>(loop);
        Task<?>[] adopter = new Task<?>[1];
        adopter[0] = loop.createTask(() -> Steps.inTurn(v -> first, v -> adopter[0]));
        loop.callLater(0.001, () -> first.setResult(null));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(adopter[0]));
        assertTrue(e.getMessage().startsWith("Task cannot await on itself"), e.getMessage());
    }

    @Test
    void aFutureOfAnotherLoopIsRefused() {
        VirtualTimeLoop other = VirtualTimeLoop.create();
        try {
            Future<String> foreign = new Future<>(other);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> loop.runUntilComplete(Bodies.awaitEach(List.of(foreign))));
            assertTrue(e.getMessage().endsWith("attached to a different loop"), e.getMessage());
        } finally {
            other.close();
        }
    }

    @Test
    void completableFutureCompletedByAPoolThreadResumesOnTheLoopThread() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<String> stage = new CompletableFuture<>();
            Thread loopThread = Thread.currentThread();
            List<Thread> resumedOn = new ArrayList<>();
            Task<Object> task = loop.createTask(() -> {
                Task<Object> inner = Bodies.awaitOrElse(stage, null);
                pool.execute(() -> stage.complete("pooled"));
                inner.addDoneCallback(t -> resumedOn.add(Thread.currentThread()));
                return inner;
            });
            assertEquals("pooled", loop.runUntilComplete(task));
            assertEquals(List.of(loopThread), resumedOn);
            CompletableFuture<String> failed = CompletableFuture.failedFuture(new java.io.IOException("io"));
            Throwable thrown = assertThrows(Throwable.class,
                    () -> loop.runUntilComplete(Bodies.awaitEach(List.of())).add(Coroutine.resultOf(failed)));
            assertEquals("io", thrown.getMessage());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void awaitInCodeThatWasNotRewrittenSaysWhatToDo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AsyncIO.await(new Future<>(loop)));
        assertEquals("AsyncIO.await called in a method that was not rewritten: mark the method @Async and apply "
                + "the jasyncio Maven plugin, the -javaagent or jasyncio-javac (on javac's annotation processor path)",
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> AsyncIO.await(new CompletableFuture<>()));
    }

    @Test
    void completedTasksNeedNoLoopAndShareTheNullInstance() {
        assertSame(Task.completed(), Task.completed(null));
        Task<String> done = Task.completed("v");
        assertTrue(done.done());
        assertEquals("v", done.result());
        assertSame(loop, done.getLoop());
        assertNotSame(done, Task.completed("v"));
    }

    @Test
    void lostTasksAreReportedWhenCollected() throws Exception {
        java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(2);
        List<Object> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        loop.setExceptionHandler((l, context) -> {
            messages.add(context.get("message"));
            reported.countDown();
        });
        loop.setDebug(true);
        startAndForget();
        for (int i = 0; i < 50 && !reported.await(100, java.util.concurrent.TimeUnit.MILLISECONDS); i++) {
            System.gc();
        }
        assertEquals(0, reported.getCount(), "reports after repeated GC: " + messages);
        assertTrue(messages.contains("Task exception was never retrieved"), messages.toString());
        assertTrue(messages.contains("Task was destroyed but it is pending!"), messages.toString());
    }

    private void startAndForget() {
        Future<String> failing = new Future<>(loop);
        Task<List<Object>> fails = Bodies.awaitEach(List.of(failing));
        Bodies.awaitEach(List.of(new Future<>(loop)));
        loop.runUntilComplete(AsyncIO.sleep(0));
        failing.setException(new IllegalStateException("never looked at"));
        loop.runUntilComplete(AsyncIO.gather(true, failing));
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertTrue(fails.done());
    }
}
