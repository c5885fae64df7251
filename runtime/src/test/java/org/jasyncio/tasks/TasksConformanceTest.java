package org.jasyncio.tasks;

import static org.jasyncio.testing.Steps.DONE;
import static org.jasyncio.testing.Steps.then;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.sync.LoopFixture;
import org.jasyncio.testing.Relay;
import org.jasyncio.testing.Steps;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code Lib/test/test_asyncio/test_tasks.py}, {@code BaseTaskTests} and the small classes
 * after it (current task, introspection), each test named after the CPython test it ports
 * ({@code docs/conformance.md} lists all), in virtual time. A coroutine {@code coro()} handed to
 * {@code Task(...)} is an {@code @Async} body ({@link Steps}, {@link Bodies}, {@link Relay}) called
 * while the loop is not running: a task that starts on the loop's next iteration, as asyncio's.
 * {@code wait}, {@code as_completed}, {@code sleep}, {@code shield} and {@code gather} are in
 * {@link TasksCombinatorsConformanceTest}.
 */
class TasksConformanceTest extends LoopFixture {

    /** {@code async def notmuch(): return value}. */
    private static Task<Object> returning(Object value) {
        return Steps.inTurn(v -> Task.completed(value));
    }

    /** A second loop, as CPython's {@code asyncio.new_event_loop()}, current while {@code body} runs. */
    private void withOtherLoop(java.util.function.Consumer<EventLoop> body) {
        VirtualTimeLoop other = VirtualTimeLoop.create();
        AsyncIO.setEventLoop(other);
        try {
            body.accept(other);
        } finally {
            AsyncIO.setEventLoop(loop);
            other.close();
        }
    }

    @Test
    void testTaskCancelMessageGetter() {
        Task<Object> t = Steps.inTurn();
        t.cancel("my message");
        CancelledException error = assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertEquals("my message", error.getMessage());
    }

    @Test
    void testOtherLoopFuture() {
        withOtherLoop(other -> {
            Future<Object> fut = other.createFuture();
            AsyncIO.setEventLoop(loop);
            Task<Object> run = Steps.inTurn(v -> fut);
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(run));
            assertTrue(Pattern.compile("Task .* got Future .* attached").matcher(error.getMessage()).find(),
                    error.getMessage());
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void testTaskAwaitsOnItself() {
        Task<Object>[] task = new Task[1];
        task[0] = AsyncIO.ensureFuture(() -> Steps.inTurn(v -> task[0]));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(task[0]));
        assertTrue(error.getMessage().contains("Task cannot await on itself"), error.getMessage());
    }

    @Test
    void testTaskClass() {
        Task<Object> t = returning("ok");
        loop.runUntilComplete(t);
        assertTrue(t.done());
        assertEquals("ok", t.result());
        assertSame(loop, t.getLoop());
        withOtherLoop(other -> {
            Task<Object> onOther = returning("ok");
            assertSame(other, onOther.getLoop());
            other.runUntilComplete(onOther);
        });
    }

    @Test
    void testEnsureFutureCoroutine() throws InterruptedException {
        Task<Object> t = AsyncIO.ensureFuture(() -> returning("ok"));
        assertSame(loop, t.getLoop());
        loop.runUntilComplete(t);
        assertTrue(t.done());
        assertEquals("ok", t.result());

        Throwable error = thrownOnAThreadWithoutLoop(() -> AsyncIO.ensureFuture(() -> returning("ok")));
        assertInstanceOf(IllegalStateException.class, error);
        assertTrue(error.getMessage().contains("There is no current event loop"), error.getMessage());

        // inside a running task: the running loop
        @SuppressWarnings("unchecked")
        Task<Object>[] inner = new Task[1];
        loop.runUntilComplete(Steps.inTurn(then(() -> inner[0] = AsyncIO.ensureFuture(() -> returning("ok")))));
        assertSame(loop, inner[0].getLoop());
        assertEquals("ok", loop.runUntilComplete(inner[0]));
    }

    /** What {@code action} throws on a new thread that has no event loop (CPython's "without loop" tests). */
    static Throwable thrownOnAThreadWithoutLoop(Runnable action) throws InterruptedException {
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                action.run();
            } catch (Throwable e) {
                error.set(e);
            }
        });
        thread.start();
        thread.join();
        return error.get();
    }

    @Test
    void testEnsureFutureFuture() {
        Future<String> fOrig = loop.createFuture();
        fOrig.setResult("ko");
        Future<String> f = AsyncIO.ensureFuture(fOrig);
        loop.runUntilComplete(f);
        assertTrue(f.done());
        assertEquals("ko", f.result());
        assertSame(fOrig, f);
    }

    @Test
    void testEnsureFutureTask() {
        Task<Object> tOrig = returning("ok");
        Future<Object> t = AsyncIO.ensureFuture(tOrig);
        loop.runUntilComplete(t);
        assertTrue(t.done());
        assertEquals("ok", t.result());
        assertSame(tOrig, t);
    }

    @Test
    void testEnsureFutureAwaitable() {
        // an awaitable that is no future is a CompletionStage in Java
        Future<String> fut = AsyncIO.ensureFuture(CompletableFuture.completedFuture("ok").minimalCompletionStage());
        loop.runUntilComplete(fut);
        assertEquals("ok", fut.result());
    }

    @Test
    void testEnsureFutureErrorMsg() {
        withOtherLoop(other -> {
            Future<Object> f = loop.createFuture();
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> other.runUntilComplete(f));
            assertEquals("The future belongs to a different loop than the one specified as the loop argument",
                    error.getMessage());
        });
    }

    @Test
    void testGetStack() {
        // foo() awaits bar(), which waits; the suspended task's stack shows bar's await, then foo's
        Future<Object> barWaits = loop.createFuture();
        Task<Object> t = AsyncIO.ensureFuture(() -> Relay.relay("Example.foo(Example.java)", 3,
                Relay.relay("Example.bar(Example.java)", 7, barWaits)));
        spin(2);
        List<StackTraceElement> stack = t.getStack();
        assertEquals("bar", stack.get(0).getMethodName());
        assertEquals("foo", stack.get(stack.size() - 1).getMethodName());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.printStack(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Example.foo(Example.java:3)"), out.toString(StandardCharsets.UTF_8));
        barWaits.setResult(null);
        loop.runUntilComplete(t);
    }

    /** The creation site, asyncio's {@code _source_traceback}, is the repr's {@code created at} (as {@code Future}'s). */
    @Test
    void testTaskSourceTraceback() {
        loop.setDebug(true);
        Task<Object> task = loop.createTask(() -> returning(null));
        int line = new Throwable().getStackTrace()[0].getLineNumber() - 1;
        assertTrue(task.toString().endsWith(" created at TasksConformanceTest.java:" + line + ">"), task.toString());
        loop.runUntilComplete(task);
        assertTrue(task.toString().endsWith(" result=null created at TasksConformanceTest.java:" + line + ">"), task.toString());
    }

    @Test
    void testTaskRepr() {
        Task<Object> t = Steps.inTurn(v -> Task.completed("abc"));
        t.setName("TestTask");
        assertTrue(t.toString().startsWith("<Task pending name='TestTask' coro=<"), t.toString());
        t.cancel();
        assertTrue(t.toString().startsWith("<Task cancelling name='TestTask' coro=<"), t.toString());
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.toString().startsWith("<Task cancelled name='TestTask' coro=<"), t.toString());

        Task<Object> finished = Steps.inTurn(v -> Task.completed("abc"));
        finished.setName("TestTask");
        loop.runUntilComplete(finished);
        assertTrue(Pattern.compile("^<Task finished name='TestTask' coro=<.*> result=abc>$").matcher(finished.toString()).matches(),
                finished.toString());
    }

    @Test
    void testTaskReprAutogenerated() {
        Task<Object> t1 = returning(123);
        Task<Object> t2 = returning(123);
        assertNotEquals(t1.toString(), t2.toString());
        Matcher match1 = Pattern.compile("^<Task pending name='Task-(\\d+)'").matcher(t1.toString());
        Matcher match2 = Pattern.compile("^<Task pending name='Task-(\\d+)'").matcher(t2.toString());
        assertTrue(match1.find(), t1.toString());
        assertTrue(match2.find(), t2.toString());
        assertTrue(Long.parseLong(match1.group(1)) < Long.parseLong(match2.group(1)), "monotonically increasing");
        loop.runUntilComplete(t1);
        loop.runUntilComplete(t2);
    }

    @Test
    void testTaskReprWaitFor() {
        Future<Object> fut = loop.createFuture();
        Task<Object> task = Steps.inTurn(v -> fut);
        spin(2);
        assertTrue(Pattern.compile("<Task .* wait_for=" + Pattern.quote(fut.toString()) + ">").matcher(task.toString()).find(),
                task.toString());
        fut.setResult(null);
        loop.runUntilComplete(task);
    }

    @Test
    void testTaskBasics() {
        // outer(): a = await inner1(); b = await inner2(); return a + b
        Task<Object> t = Steps.inTurn(v -> returning(42), a -> Steps.inTurn(w -> returning(1000),
                b -> Task.completed((Integer) a + (Integer) b)));
        assertEquals(1042, loop.runUntilComplete(t));
    }

    @Test
    void testCancelling() {
        Task<Object> t = Steps.inTurn(v -> AsyncIO.sleep(10));
        assertEquals(0, t.cancelling());
        assertFalse(t.toString().contains(" cancelling "), t.toString());
        assertTrue(t.cancel());
        assertEquals(1, t.cancelling());
        assertTrue(t.toString().contains(" cancelling "), t.toString());
        assertTrue(t.cancel(), "a second request is accepted too (asyncio commented the refusal out)");
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
    }

    @Test
    void testUncancel() {
        // task(): try: await sleep(10) except CancelledError: current_task().uncancel(); await sleep(10)
        Task<Object> t = Steps.inTurn(v -> Bodies.awaitRecovering(AsyncIO.sleep(10), e -> {
            AsyncIO.currentTask().uncancel();
            return null;
        }), v -> AsyncIO.sleep(10));
        loop.runUntilComplete(AsyncIO.sleep(0.01));
        assertTrue(t.cancel(), "cancel the first sleep");
        assertTrue(t.toString().contains(" cancelling "), t.toString());
        loop.runUntilComplete(AsyncIO.sleep(0.01));
        assertFalse(t.toString().contains(" cancelling "), "after uncancel(): " + t);
        assertTrue(t.cancel(), "cancel the second sleep");
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
    }

    @Test
    void testCancel() {
        Task<Object> t = Steps.inTurn(v -> AsyncIO.sleep(10.0), v -> Task.completed(12));
        loop.callSoon(t::cancel);
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.done());
        assertTrue(t.cancelled());
        assertFalse(t.cancel());
        assertTrue(loop.time() < 10, "the sleep's timer did not have to pass");
    }

    /** CPython's {@code get_innermost_context}: the last cause of the chain and how deep it is. */
    private static Object[] innermost(Throwable error) {
        int depth = 0;
        while (error.getCause() != null) {
            error = error.getCause();
            depth++;
        }
        return new Object[] {error.getClass(), error.getMessage(), depth};
    }

    /** {@code test_cancel_with_message_then_future_result} and {@code _exception}: {@code read} reads the cancelled task. */
    private void cancelWithMessageThen(java.util.function.Consumer<Task<Object>> read) {
        for (String message : new String[] {null, "my message"}) {
            @SuppressWarnings("unchecked")
            Task<Object>[] task = new Task[1];
            Task<Object> coro = Steps.inTurn(then(() -> task[0] = AsyncIO.ensureFuture(() -> Steps.inTurn(v -> AsyncIO.sleep(10))))
                    , v -> AsyncIO.sleep(0), v -> {
                        task[0].cancel(message);
                        return AsyncIO.wait(List.of(task[0]));
                    }, then(() -> read.accept(task[0])));
            CancelledException error = assertThrows(CancelledException.class, () -> loop.runUntilComplete(coro));
            assertEquals(message, error.getMessage());
            assertEquals(List.of(CancelledException.class, String.valueOf(message), 0),
                    List.of(innermost(error)[0], String.valueOf(innermost(error)[1]), innermost(error)[2]));
        }
    }

    @Test
    void testCancelWithMessageThenFutureResult() {
        cancelWithMessageThen(Task::result);
    }

    @Test
    void testCancelWithMessageThenFutureException() {
        cancelWithMessageThen(Task::exception);
    }

    @Test
    void testCancellationExceptionContext() {
        Future<Object> fut = loop.createFuture();
        // sleep(): fut.set_result(None); await sleep(10)
        // coro(): inner = Task(sleep()); await fut; call_soon(inner.cancel, 'msg');
        //         try: await inner except CancelledError as ex: raise ValueError('cancelled') from ex
        @SuppressWarnings("unchecked")
        Task<Object>[] inner = new Task[1];
        Task<Object> coro = Steps.inTurn(then(() -> inner[0] = AsyncIO.ensureFuture(
                () -> Steps.inTurn(then(() -> fut.setResult(null)), v -> AsyncIO.sleep(10)))), v -> fut, v -> {
                    loop.callSoon(() -> inner[0].cancel("msg"));
                    return Bodies.awaitRecovering(inner[0], ex -> {
                        throw new IllegalArgumentException("cancelled", ex);
                    });
                });
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(coro));
        assertEquals("cancelled", error.getMessage());
        Object[] actual = innermost(error);
        assertEquals(CancelledException.class, actual[0]);
        assertEquals("msg", actual[1]);
        assertEquals(1, actual[2]);
    }

    @Test
    void testCancelWithMessageBeforeStartingTask() {
        @SuppressWarnings("unchecked")
        Task<Object>[] task = new Task[1];
        Task<Object> coro = Steps.inTurn(v -> {
            task[0] = AsyncIO.ensureFuture(() -> Steps.inTurn(w -> AsyncIO.sleep(10)));
            task[0].cancel("my message"); // before it ever ran
            return AsyncIO.wait(List.of(task[0]));
        }, then(() -> task[0].exception()));
        CancelledException error = assertThrows(CancelledException.class, () -> loop.runUntilComplete(coro));
        assertEquals("my message", error.getMessage());
        assertEquals(0, innermost(error)[2]);
    }

    @Test
    void testCancelYield() {
        Task<Object> t = Steps.inTurn(v -> AsyncIO.sleep(0), v -> AsyncIO.sleep(0), v -> Task.completed(12));
        spin(1);
        t.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.done());
        assertTrue(t.cancelled());
        assertFalse(t.cancel());
    }

    @Test
    void testCancelInnerFuture() {
        Future<Object> f = loop.createFuture();
        Task<Object> t = Steps.inTurn(v -> f, v -> Task.completed(12));
        spin(1);
        f.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertTrue(f.cancelled());
        assertTrue(t.cancelled());
    }

    @Test
    void testCancelBothTaskAndInnerFuture() {
        Future<Object> f = loop.createFuture();
        Task<Object> t = Steps.inTurn(v -> f, v -> Task.completed(12));
        spin(1);
        f.cancel();
        t.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.done());
        assertTrue(f.cancelled());
        assertTrue(t.cancelled());
    }

    /**
     * test_cancel_task_catching's and test_cancel_task_ignoring's start: {@code t} awaits {@code fut1}, then,
     * once it is done, {@code fut2}, where it is cancelled, which cancels {@code fut2}.
     */
    private void cancelAtSecondAwait(Task<Object> t, Future<Object> fut1, Future<Object> fut2) {
        spin(1);
        assertSame(fut1, t.getAwaited());
        fut1.setResult(null);
        spin(1);
        assertSame(fut2, t.getAwaited());
        t.cancel();
        assertTrue(fut2.cancelled());
    }

    @Test
    void testCancelTaskCatching() {
        Future<Object> fut1 = loop.createFuture();
        Future<Object> fut2 = loop.createFuture();
        // task(): await fut1; try: await fut2 except CancelledError: return 42
        Task<Object> t = Steps.inTurn(v -> fut1, v -> Bodies.awaitOrElse(fut2, 42));
        cancelAtSecondAwait(t, fut1, fut2);
        assertEquals(42, loop.runUntilComplete(t));
        assertFalse(t.cancelled());
    }

    @Test
    void testCancelTaskIgnoring() {
        Future<Object> fut1 = loop.createFuture();
        Future<Object> fut2 = loop.createFuture();
        Future<Object> fut3 = loop.createFuture();
        // task(): await fut1; try: await fut2 except CancelledError: pass; return await fut3
        Task<Object> t = Steps.inTurn(v -> fut1, v -> Bodies.awaitOrElse(fut2, null), v -> fut3);
        cancelAtSecondAwait(t, fut1, fut2);
        spin(2);
        assertSame(fut3, t.getAwaited());
        fut3.setResult(42);
        assertEquals(42, loop.runUntilComplete(t));
        assertFalse(fut3.cancelled());
        assertFalse(t.cancelled());
    }

    @Test
    @SuppressWarnings("unchecked")
    void testCancelCurrentTask() {
        Task<Object>[] t = new Task[1];
        // task(): t.cancel(); await sleep(100)  (cancelled at once); return 12
        t[0] = Steps.inTurn(then(() -> t[0].cancel()), v -> AsyncIO.sleep(100), v -> Task.completed(12));
        assertFalse(t[0].cancelled());
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t[0]));
        assertTrue(t[0].done());
        assertTrue(t[0].cancelled());
        assertFalse(t[0].cancel());
        assertTrue(loop.time() < 100);
    }

    @Test
    @SuppressWarnings("unchecked")
    void testCancelAtEnd() {
        Task<Object>[] t = new Task[1];
        // task(): t.cancel(); return 12  -- the body ends right after its task was cancelled
        t[0] = Steps.inTurn(v -> {
            t[0].cancel();
            return Task.completed(12);
        });
        assertFalse(t[0].cancelled());
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t[0]));
        assertTrue(t[0].done());
        assertTrue(t[0].cancelled());
        assertFalse(t[0].cancel());
    }

    @Test
    @SuppressWarnings("unchecked")
    void testCancelAwaitedTask() {
        Future<Object> fut = loop.createFuture();
        Task<Object>[] task = new Task[1];
        Task<Object>[] nestedTask = new Task[1];
        // coro(): nested_task = Task(nested()); await sleep(0); task.cancel(); await nested_task
        task[0] = Steps.inTurn(then(() -> nestedTask[0] = AsyncIO.ensureFuture(() -> Steps.inTurn(v -> fut))),
                v -> AsyncIO.sleep(0), then(() -> task[0].cancel()), v -> nestedTask[0]);
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(task[0]));
        assertTrue(task[0].cancelled());
        assertTrue(nestedTask[0].cancelled());
        assertTrue(fut.cancelled());
    }

    @Test
    void testStopWhileRunInComplete() {
        int[] x = {0};
        // task(): while x < 10: await sleep(0.1); x += 1; if x == 2: loop.stop()
        Task<Object> t = loop.createTask(() -> countWithStop(x));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(t));
        assertEquals("Event loop stopped before Future completed.", error.getMessage());
        assertFalse(t.done());
        assertEquals(2, x[0]);
        assertEquals(0.2, loop.time(), 1e-9);
        t.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
    }

    private Task<Object> countWithStop(int[] x) {
        if (x[0] >= 10) {
            return DONE;
        }
        return Steps.inTurn(v -> AsyncIO.sleep(0.1), then(() -> {
            x[0]++;
            if (x[0] == 2) {
                loop.stop();
            }
        }), v -> countWithStop(x));
    }

    @Test
    void testTaskCancelSleepingTask() {
        // doit(): sleeper = Task(sleep(5000)); call_later(0.1, sleeper.cancel);
        //         try: await sleeper except CancelledError: return 'cancelled' else: return 'slept in'
        Task<Object> doit = Steps.inTurn(v -> {
            Task<Object> sleeper = AsyncIO.ensureFuture(() -> Steps.inTurn(w -> AsyncIO.sleep(5000)));
            loop.callLater(0.1, sleeper::cancel);
            return Bodies.awaitRecovering(sleeper, e -> e instanceof CancelledException ? "cancelled" : e);
        });
        assertEquals("cancelled", loop.runUntilComplete(doit));
        assertEquals(0.1, loop.time(), 1e-9);
    }

    @Test
    void testTaskCancelWaiterFuture() {
        Future<Object> fut = loop.createFuture();
        Task<Object> task = Steps.inTurn(v -> fut);
        spin(1);
        assertSame(fut, task.getAwaited());
        task.cancel();
        spin(1);
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(task));
        assertNull(task.getAwaited());
        assertTrue(fut.cancelled());
    }

    @Test
    void testTaskSetMethods() {
        Task<Object> task = returning("ko");
        UnsupportedOperationException result = assertThrows(UnsupportedOperationException.class, () -> task.setResult("ok"));
        assertTrue(result.getMessage().contains("not support setResult"), result.getMessage());
        UnsupportedOperationException exception = assertThrows(UnsupportedOperationException.class,
                () -> task.setException(new IllegalArgumentException()));
        assertTrue(exception.getMessage().contains("not support setException"), exception.getMessage());
        assertEquals("ko", loop.runUntilComplete(task));
    }

    @Test
    void testStepResultFuture() {
        // a Future subclass counting add_done_callback: the task waits on it through its done callback
        int[] callbacksAdded = {0};
        Future<Object> fut = new Future<>(loop) {
            @Override
            public void addDoneCallback(java.util.function.Consumer<? super Future<Object>> callback) {
                callbacksAdded[0]++;
                super.addDoneCallback(callback);
            }
        };
        Object[] result = {null};
        // wait_for_future(): nonlocal result; result = await fut
        Task<Object> t = Steps.inTurn(v -> fut, r -> {
            result[0] = r;
            return Task.completed(null);
        });
        spin(1);
        // asyncio's task registers its wake-up through add_done_callback, which the subclass counts;
        // jasyncio's through the loop-internal callback path, which allocates no Consumer per await
        assertEquals(0, callbacksAdded[0]);
        assertSame(fut, t.getAwaited(), "the task waits on the subclass's future");
        Object res = new Object();
        fut.setResult(res);
        spin(2);
        assertSame(res, result[0]);
        assertTrue(t.done());
        assertNull(t.result());
    }

    /** asyncio's {@code SystemExit}: an Error the loop does not catch (a {@link VirtualMachineError}). */
    private static final class SystemExit extends VirtualMachineError {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void testBaseexceptionDuringCancel() {
        SystemExit baseExc = new SystemExit();
        // notmuch(): try: await sleeper() except CancelledError: raise base_exc
        Task<Object> task = Bodies.awaitRecovering(Steps.inTurn(v -> AsyncIO.sleep(10)), e -> {
            throw baseExc;
        });
        spin(1);
        task.cancel();
        assertFalse(task.done());
        assertThrows(SystemExit.class, () -> spin(2));
        assertTrue(task.done());
        assertFalse(task.cancelled());
        assertSame(baseExc, task.exception());
    }

    @Test
    void testCoroutineNonGenFunctionReturnFuture() {
        Future<Object> fut = loop.createFuture();
        // func(): return fut  -- a future returned as a value, not awaited
        Task<Object> t1 = Steps.inTurn(v -> Task.completed(fut));
        Task<Object> t2 = Steps.inTurn(then(() -> fut.setResult("test")));
        assertSame(fut, loop.runUntilComplete(t1));
        spin(1);
        assertNull(t2.result());
    }

    @Test
    @SuppressWarnings("unchecked")
    void testCurrentTask() {
        assertNull(AsyncIO.currentTask());
        Task<Object>[] task = new Task[1];
        task[0] = Steps.inTurn(then(() -> assertSame(task[0], AsyncIO.currentTask())));
        loop.runUntilComplete(task[0]);
        assertNull(AsyncIO.currentTask());
    }

    @Test
    @SuppressWarnings("unchecked")
    void testCurrentTaskWithInterleavingTasks() {
        assertNull(AsyncIO.currentTask());
        Future<Object> fut1 = loop.createFuture();
        Future<Object> fut2 = loop.createFuture();
        Task<Object>[] task = new Task[2];
        task[0] = Steps.inTurn(then(() -> assertSame(task[0], AsyncIO.currentTask())), v -> fut1, then(() -> {
            assertSame(task[0], AsyncIO.currentTask());
            fut2.setResult(true);
        }));
        task[1] = Steps.inTurn(then(() -> {
            assertSame(task[1], AsyncIO.currentTask());
            fut1.setResult(true);
        }), v -> fut2, then(() -> assertSame(task[1], AsyncIO.currentTask())));
        loop.runUntilComplete(AsyncIO.wait(List.of(task[0], task[1])));
        assertTrue(task[0].result() == null && task[1].result() == null, "both ran to their end");
        assertNull(AsyncIO.currentTask());
    }

    @Test
    void testYieldFuturePassesCancel() {
        int[] proof = {0};
        Future<Object> waiter = loop.createFuture();
        // inner(): try: await waiter except CancelledError: proof += 1; raise
        // outer(): try: await inner() except CancelledError: proof += 100 else: proof += 10
        Task<Object> f = AsyncIO.ensureFuture(() -> Steps.tryAwait(
                Bodies.awaitRecovering(waiter, e -> {
                    proof[0] += 1;
                    throw (RuntimeException) e;
                }), v -> {
                    proof[0] += 10;
                    return DONE;
                }, e -> {
                    proof[0] += e instanceof CancelledException ? 100 : 0;
                    return DONE;
                }));
        spin(2);
        f.cancel();
        loop.runUntilComplete(f);
        assertEquals(101, proof[0]);
        assertTrue(waiter.cancelled());
    }

    @Test
    void testYieldWaitDoesNotShieldCancel() {
        // outer(): d, p = await wait([create_task(inner())]); proof += 100
        assertEquals(1, CancelReach.proof(loop, this::spin, inner -> AsyncIO.wait(List.of(AsyncIO.createTask(inner)))));
    }

    @Test
    void testTbLoggerNotCalledAfterCancel() {
        List<Map<String, Object>> reports = new ArrayList<>();
        loop.setExceptionHandler((l, context) -> reports.add(context));
        // runner(): task = Task(coro()) (raises TypeError); await sleep(0.05); task.cancel(); task = None
        loop.runUntilComplete(Steps.inTurn(v -> {
            Task<Object> task = AsyncIO.ensureFuture(() -> Bodies.throwing(new ClassCastException()));
            return Steps.inTurn(w -> AsyncIO.sleep(0.05), then(task::cancel));
        }));
        loop.close();
        assertEquals(List.of(), reports, "cancel() of a failed task drops its report, at close too");
    }

    @Test
    void testCancelGather1() {
        Future<Object> fut = loop.createFuture();
        // create(): gather_future = gather(child_coro()); return ensure_future(gather_future)
        Future<List<Object>> gatherTask = AsyncIO.gather(AsyncIO.ensureFuture(() -> Steps.inTurn(v -> fut)));
        boolean[] cancelResult = {true};
        fut.addDoneCallback(done -> cancelResult[0] = gatherTask.cancel());
        fut.setResult(42);
        loop.runUntilComplete(gatherTask);
        assertFalse(cancelResult[0], "Python issue #26923: gather drops the cancellation once all children are done");
        assertFalse(gatherTask.cancelled());
        assertEquals(List.of(42), gatherTask.result());
    }

    @Test
    void testCancelGather2() {
        for (String message : new String[] {null, "my message"}) {
            // test(): loop of gather(sleep(0.05), return_exceptions=True) for about a second
            Task<Object> qwe = loop.createTask(() -> gatherLoop(0));
            Task<Object> main = Steps.inTurn(v -> AsyncIO.sleep(0.2), then(() -> qwe.cancel(message)), v -> qwe);
            CancelledException error = assertThrows(CancelledException.class, () -> loop.runUntilComplete(main),
                    "gather() propagates the CancelledError raised by the inner task to its caller");
            assertEquals(message, error.getMessage());
            assertEquals(0, innermost(error)[2]);
        }
    }

    private Task<Object> gatherLoop(double time) {
        double next = time + 0.05;
        return Steps.inTurn(v -> AsyncIO.gather(true, AsyncIO.sleep(0.05)), v -> next > 1 ? DONE : gatherLoop(next));
    }

    @Test
    void testExceptionTraceback() {
        // foo(): 1 / 0; main(): task = Task(foo()); await sleep(0); task.exception() has a traceback
        loop.runUntilComplete(Steps.inTurn(v -> {
            Task<Object> task = AsyncIO.ensureFuture(() -> Bodies.throwing(new ArithmeticException("/ by zero")));
            return Steps.inTurn(w -> AsyncIO.sleep(0), w -> AsyncIO.sleep(0), then(() -> {
                assertNotNull(task.exception());
                assertTrue(task.exception().getStackTrace().length > 0);
            }));
        }));
    }

    @Test
    void testCreateTaskWithAsyncFunction() {
        for (int i = 0; i < 2; i++) {
            Task<Object> task = loop.createTask(Steps::inTurn);
            assertInstanceOf(Task.class, task);
            loop.runUntilComplete(task);
            assertTrue(task.done());
        }
    }

    @Test
    void testBareCreateTask() {
        // coro(): task = create_task(inner()); assert await task == 1
        assertEquals(1, loop.runUntilComplete(Steps.inTurn(v -> AsyncIO.createTask(() -> returning(1)))));
    }

    @Test
    void testBareCreateNamedTask() {
        loop.runUntilComplete(Steps.inTurn(v -> {
            Task<Object> task = AsyncIO.createTask(Steps::inTurn);
            task.setName("No-op");
            assertEquals("No-op", task.getName());
            return task;
        }));
    }

    @Test
    void testCurrentTaskNoRunningLoop() {
        assertNull(AsyncIO.currentTask());
    }

    @Test
    @SuppressWarnings("unchecked")
    void testCurrentTaskWithImplicitLoop() {
        Task<Object>[] task = new Task[1];
        task[0] = loop.createTask(() -> Steps.inTurn(then(() -> assertSame(task[0], AsyncIO.currentTask()))));
        loop.runUntilComplete(task[0]);
        assertNull(AsyncIO.currentTask());
    }

    @Test
    void testFutureSubclass() {
        assertTrue(Future.class.isAssignableFrom(Task.class));
    }
}
