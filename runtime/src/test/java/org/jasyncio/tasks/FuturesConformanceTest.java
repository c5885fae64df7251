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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.Future;
import org.jasyncio.InvalidStateException;
import org.jasyncio.testing.CurrentVirtualLoop;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CPython's {@code Lib/test/test_asyncio/test_futures.py}, the tests that {@link FutureTest} does not
 * already port; each is named after the CPython test it ports ({@code docs/conformance.md} lists all).
 */
class FuturesConformanceTest {
    @RegisterExtension
    final CurrentVirtualLoop current = new CurrentVirtualLoop();
    private final VirtualTimeLoop loop = current.loop();
    private final List<Map<String, Object>> reports = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordReports() {
        loop.setExceptionHandler((l, context) -> reports.add(context));
    }

    /** asyncio's {@code test_utils.run_briefly}: one more iteration. */
    private void runBriefly() {
        loop.runUntilComplete(AsyncIO.sleep(0));
    }

    private static <T> T onAThreadWithoutALoop(java.util.concurrent.Callable<T> call) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(call).get(10, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void testInitialState() {
        Future<Object> f = new Future<>(loop);
        assertFalse(f.cancelled());
        assertFalse(f.done());
        f.cancel();
        assertTrue(f.cancelled());
    }

    @Test
    void testConstructorWithoutLoop() throws Exception {
        IllegalStateException refused = onAThreadWithoutALoop(
                () -> assertThrows(IllegalStateException.class, Future::new));
        assertTrue(refused.getMessage().startsWith("There is no current event loop in thread"), refused.getMessage());
    }

    @Test
    void testConstructorUseRunningLoop() {
        Future<Future<Object>> made = loop.createFuture();
        loop.callSoon(() -> made.setResult(new Future<>()));
        assertSame(loop, loop.runUntilComplete(made).getLoop());
    }

    @Test
    void testConstructorUseGlobalLoop() {
        assertSame(loop, new Future<>().getLoop(), "the extension set the test loop as this thread's loop");
    }

    @Test
    void testCancel() {
        Future<Object> f = new Future<>(loop);
        assertTrue(f.cancel());
        assertTrue(f.cancelled());
        assertTrue(f.done());
        assertThrows(CancelledException.class, f::result);
        assertThrows(CancelledException.class, f::exception);
        assertThrows(InvalidStateException.class, () -> f.setResult(null));
        assertThrows(InvalidStateException.class, () -> f.setException(new RuntimeException()));
        assertFalse(f.cancel());
    }

    @Test
    void testResult() {
        Future<Integer> f = new Future<>(loop);
        assertThrows(InvalidStateException.class, f::result);
        f.setResult(42);
        assertFalse(f.cancelled());
        assertTrue(f.done());
        assertEquals(42, f.result());
        assertNull(f.exception());
        assertThrows(InvalidStateException.class, () -> f.setResult(null));
        assertThrows(InvalidStateException.class, () -> f.setException(new RuntimeException()));
        assertFalse(f.cancel());
    }

    @Test
    void testException() {
        RuntimeException exc = new RuntimeException();
        Future<Integer> f = new Future<>(loop);
        assertThrows(InvalidStateException.class, f::exception);
        f.setException(exc);
        assertFalse(f.cancelled());
        assertTrue(f.done());
        assertSame(exc, assertThrows(RuntimeException.class, f::result));
        assertSame(exc, f.exception());
        assertThrows(InvalidStateException.class, () -> f.setResult(null));
        assertThrows(InvalidStateException.class, () -> f.setException(new RuntimeException()));
        assertFalse(f.cancel());
    }

    @Test
    void testYieldFromTwice() {
        Future<Object> f = new Future<>(loop);
        loop.callSoon(() -> f.setResult(42));
        assertEquals(List.of(42, 42), loop.runUntilComplete(loop.createTask(() -> Bodies.awaitEach(List.of(f, f)))));
    }

    @Test
    void testFutureRepr() {
        loop.setDebug(true);
        Future<Object> pendingDebug = new Future<>(loop);
        int line = new Throwable().getStackTrace()[0].getLineNumber() - 1;
        assertEquals("<Future pending created at FuturesConformanceTest.java:" + line + ">", pendingDebug.toString());
        pendingDebug.cancel();
        assertEquals("<Future cancelled created at FuturesConformanceTest.java:" + line + ">", pendingDebug.toString());

        loop.setDebug(false);
        Future<Object> pending = new Future<>(loop);
        assertEquals("<Future pending>", pending.toString());
        Future<Object> cancelled = new Future<>(loop);
        cancelled.cancel();
        assertEquals("<Future cancelled>", cancelled.toString());
        Future<Object> result = new Future<>(loop);
        result.setResult(4);
        assertEquals("<Future finished result=4>", result.toString());
        Future<Object> exception = new Future<>(loop);
        exception.setException(new RuntimeException("boom"));
        assertEquals("<Future finished exception=java.lang.RuntimeException: boom>", exception.toString());
        exception.exception();
    }

    /** The creation site, asyncio's {@code _source_traceback}, is the repr's {@code created at} (as {@code Handle}'s). */
    @Test
    void testFutureSourceTraceback() {
        loop.setDebug(true);
        Future<Object> future = loop.createFuture();
        int line = new Throwable().getStackTrace()[0].getLineNumber() - 1;
        assertTrue(future.toString().endsWith(" created at FuturesConformanceTest.java:" + line + ">"), future.toString());
    }

    @Test
    void testTbLoggerAbandoned() {
        new Future<>(loop);
        loop.close();
        assertEquals(List.of(), reports);
    }

    @Test
    void testTbLoggerNotCalledAfterCancel() {
        Future<Object> f = new Future<>(loop);
        f.setException(new RuntimeException());
        assertFalse(f.cancel());
        loop.close();
        assertEquals(List.of(), reports, "asyncio: cancel() clears the report even of a done future");
    }

    @Test
    void testTbLoggerResultUnretrieved() {
        new Future<>(loop).setResult(42);
        loop.close();
        assertEquals(List.of(), reports);
    }

    @Test
    void testTbLoggerResultRetrieved() {
        Future<Object> f = new Future<>(loop);
        f.setResult(42);
        f.result();
        loop.close();
        assertEquals(List.of(), reports);
    }

    @Test
    void testTbLoggerExceptionUnretrieved() {
        RuntimeException boom = new RuntimeException("boom");
        new Future<>(loop).setException(boom);
        runBriefly();
        loop.close();
        assertEquals(1, reports.size(), reports::toString);
        assertEquals("Future exception was never retrieved", reports.get(0).get("message"));
        assertSame(boom, reports.get(0).get("exception"));
    }

    @Test
    void testTbLoggerExceptionRetrieved() {
        Future<Object> f = new Future<>(loop);
        f.setException(new RuntimeException("boom"));
        f.exception();
        loop.close();
        assertEquals(List.of(), reports);
    }

    @Test
    void testTbLoggerExceptionResultRetrieved() {
        Future<Object> f = new Future<>(loop);
        f.setException(new RuntimeException("boom"));
        assertThrows(RuntimeException.class, f::result);
        loop.close();
        assertEquals(List.of(), reports);
    }

    @Test
    void testWrapFutureFuture() {
        Future<Object> f1 = new Future<>(loop);
        assertSame(f1, AsyncIO.ensureFuture(f1), "a loop future is not a CompletionStage: ensureFuture returns it");
    }

    @Test
    void testWrapFutureWithoutLoop() throws Exception {
        IllegalStateException refused = onAThreadWithoutALoop(() -> assertThrows(IllegalStateException.class,
                () -> AsyncIO.wrapFuture(new CompletableFuture<>())));
        assertTrue(refused.getMessage().startsWith("There is no current event loop in thread"), refused.getMessage());
    }

    @Test
    void testWrapFutureUseRunningLoop() {
        Future<Future<Object>> wrapped = loop.createFuture();
        loop.callSoon(() -> wrapped.setResult(AsyncIO.wrapFuture(new CompletableFuture<>())));
        assertSame(loop, loop.runUntilComplete(wrapped).getLoop());
    }

    @Test
    void testWrapFutureUseGlobalLoop() {
        assertSame(loop, AsyncIO.wrapFuture(new CompletableFuture<>()).getLoop());
    }

    @Test
    void testWrapFutureCancel2() {
        CompletableFuture<Integer> f1 = new CompletableFuture<>();
        Future<Integer> f2 = AsyncIO.wrapFuture(f1, loop);
        f1.complete(42);
        f2.cancel();
        runBriefly();
        assertFalse(f1.isCancelled());
        assertEquals(42, f1.join());
        assertTrue(f2.cancelled());
    }

    // ---- BaseFutureDoneCallbackTests ----

    private static Consumer<Future<Object>> appender(List<Object> bag, Object thing) {
        return future -> bag.add(thing);
    }

    private List<Object> removeThenSetResult(int... removed) {
        List<Object> bag = new ArrayList<>();
        Future<Object> f = new Future<>(loop);
        List<Consumer<Future<Object>>> callbacks = List.of(appender(bag, 42), appender(bag, 17), appender(bag, 100));
        callbacks.forEach(f::addDoneCallback);
        for (int index : removed) {
            f.removeDoneCallback(callbacks.get(index));
        }
        assertEquals(List.of(), bag);
        f.setResult("foo");
        runBriefly();
        assertEquals("foo", f.result());
        return bag;
    }

    @Test
    void testCallbacksRemoveFirstCallback() {
        assertEquals(List.of(17, 100), removeThenSetResult(0, 0));
    }

    @Test
    void testCallbacksRemoveFirstAndSecondCallback() {
        assertEquals(List.of(100), removeThenSetResult(0, 1, 0));
    }

    @Test
    void testCallbacksRemoveThirdCallback() {
        assertEquals(List.of(42, 17), removeThenSetResult(2, 2));
    }

    @Test
    void testCallbacksInvokedOnSetException() {
        List<Object> bag = new ArrayList<>();
        Future<Object> f = new Future<>(loop);
        f.addDoneCallback(appender(bag, 100));
        assertEquals(List.of(), bag);
        RuntimeException exc = new RuntimeException();
        f.setException(exc);
        runBriefly();
        assertEquals(List.of(100), bag);
        assertSame(exc, f.exception());
    }

    @Test
    void testRemoveDoneCallback() {
        List<Object> bag = new ArrayList<>();
        Future<Object> f = new Future<>(loop);
        Consumer<Future<Object>> cb1 = appender(bag, 1);
        Consumer<Future<Object>> cb2 = appender(bag, 2);
        Consumer<Future<Object>> cb3 = appender(bag, 3);
        f.addDoneCallback(cb1);
        f.addDoneCallback(cb2);
        assertEquals(1, f.removeDoneCallback(cb2));
        assertEquals(0, f.removeDoneCallback(cb3));
        f.addDoneCallback(cb2);
        for (int i = 0; i < 5; i++) {
            f.addDoneCallback(cb1);
        }
        assertEquals(6, f.removeDoneCallback(cb1));
        assertEquals(List.of(), bag);
        f.setResult("foo");
        runBriefly();
        assertEquals(List.of(2), bag);
        assertEquals("foo", f.result());
    }

    @Test
    void testScheduleCallbacksListMutation1() {
        List<Object> bag = new ArrayList<>();
        Future<Object> f = new Future<>(loop);
        Consumer<Future<Object>> other = appender(bag, "other");
        f.addDoneCallback(done -> done.removeDoneCallback(other));
        f.addDoneCallback(other);
        f.addDoneCallback(other);
        f.setResult(1);
        runBriefly();
        assertEquals(List.of("other", "other"), bag, "callbacks are scheduled when the future finishes");
    }

}
