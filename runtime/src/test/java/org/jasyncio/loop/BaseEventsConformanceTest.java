package org.jasyncio.loop;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Handle;
import org.jasyncio.Task;
import org.jasyncio.TimerHandle;
import org.jasyncio.spi.Clock;
import org.jasyncio.spi.Poller;
import org.jasyncio.testing.LogCapture;
import org.jasyncio.testing.Steps;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code Lib/test/test_asyncio/test_base_events.py}: the tests of {@code BaseEventLoopTests} and
 * {@code RunningLoopTests} that check what a user can observe, in virtual time; each is named after the
 * CPython test it ports ({@code docs/conformance.md} lists all, and why the others do not apply). The
 * network tests of {@code BaseEventLoopWithSelectorTests} are in {@code net/BaseEventsNetworkConformanceTest}.
 */
class BaseEventsConformanceTest {

    private final List<EventLoop> made = new ArrayList<>();
    private final VirtualTimeLoop loop = track(VirtualTimeLoop.create());

    private <L extends EventLoop> L track(L made) {
        this.made.add(made);
        AsyncIO.setEventLoop(made);
        return made;
    }

    @AfterEach
    void closeLoops() {
        AsyncIO.setEventLoop(null);
        for (EventLoop each : made) {
            if (!each.isClosed()) {
                each.close();
            }
        }
    }

    /** asyncio's {@code test_utils.run_briefly}: one more iteration. */
    private static void runBriefly(EventLoop loop) {
        loop.callSoon(loop::stop);
        loop.runForever();
    }

    /** A {@link VirtualMachineError} of the test's own, the Java counterpart of a {@code BaseException} such as {@code SystemExit}. */
    private static final class ShowStopper extends VirtualMachineError {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void testClose() {
        assertFalse(loop.isClosed());
        loop.close();
        assertTrue(loop.isClosed());
        loop.close();
        loop.close();
        assertThrows(IllegalStateException.class, loop::runForever);
        Future<Object> f = new Future<>(loop);
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(f));
    }

    @Test
    void testSetDefaultExecutor() {
        List<Runnable> submitted = new ArrayList<>();
        Executor executor = submitted::add;
        loop.setDefaultExecutor(executor);
        Future<String> result = loop.runInExecutor(null, () -> "ran");
        assertEquals(1, submitted.size(), "runInExecutor(null, ...) went to the default executor set");
        submitted.get(0).run();
        assertEquals("ran", loop.runUntilComplete(result));
    }

    @Test
    void testCallSoon() {
        List<String> calls = new ArrayList<>();
        Handle h = loop.callSoon(() -> calls.add("cb"));
        assertInstanceOf(Handle.class, h);
        assertFalse(h.cancelled());
        assertEquals(List.of(), calls, "not run inside callSoon");
        runBriefly(loop);
        assertEquals(List.of("cb"), calls);
    }

    @Test
    void testCallLater() {
        List<String> calls = new ArrayList<>();
        TimerHandle h = loop.callLater(10.0, () -> calls.add("cb"));
        assertEquals(loop.time() + 10.0, h.when());
        runBriefly(loop);
        assertEquals(List.of(), calls, "a timer is not ready at once");
    }

    @Test
    void testCallLaterNegativeDelays() {
        List<String> calls = new ArrayList<>();
        loop.callLater(-1, () -> calls.add("a"));
        loop.callLater(-2, () -> calls.add("b"));
        runBriefly(loop);
        assertEquals(List.of("b", "a"), calls);
    }

    @Test
    void testTimeAndCallAt() {
        double delay = 0.1;
        double when = loop.time() + delay;
        loop.callAt(when, loop::stop);
        double t0 = loop.time();
        loop.runForever();
        assertEquals(delay, loop.time() - t0, 1e-9);
    }

    /** test_check_thread's {@code check_thread}, on a thread other than the loop's. */
    private static void checkThread(EventLoop loop, boolean debug) {
        loop.setDebug(debug);
        List<Runnable> calls = List.of(
                () -> loop.callSoon(() -> { }),
                () -> loop.callLater(60, () -> { }),
                () -> loop.callAt(loop.time() + 60, () -> { }));
        for (Runnable call : calls) {
            if (debug) {
                IllegalStateException refused = assertThrows(IllegalStateException.class, call::run);
                assertEquals("Non-thread-safe operation invoked on an event loop other than the current one",
                        refused.getMessage());
            } else {
                call.run();
            }
        }
    }

    @Test
    void testCheckThread() throws Exception {
        for (boolean createLoop : List.of(false, true)) {
            for (boolean debug : List.of(true, false)) {
                Future<Object> fut = loop.createFuture();
                Thread thread = new Thread(() -> {
                    VirtualTimeLoop loop2 = createLoop ? VirtualTimeLoop.create() : null;
                    try {
                        if (loop2 != null) {
                            AsyncIO.setEventLoop(loop2);
                        }
                        checkThread(loop, debug);
                        loop.callSoonThreadsafe(() -> fut.setResult(null));
                    } catch (Throwable failure) {
                        loop.callSoonThreadsafe(() -> fut.setException(failure));
                    } finally {
                        if (loop2 != null) {
                            AsyncIO.setEventLoop(null);
                            loop2.close();
                        }
                    }
                });
                loop.callSoon(thread::start);
                loop.runUntilComplete(fut);
                thread.join();
            }
        }
    }

    @Test
    void testRunOnceTimeout() {
        // CPython's test__run_once: the poll waits for the first timer that is not cancelled
        List<String> calls = new ArrayList<>();
        loop.callLater(5.0, () -> calls.add("h1")).cancel();
        loop.callLater(10.0, () -> {
            calls.add("h2");
            loop.stop();
        });
        loop.runForever();
        assertEquals(List.of("h2"), calls);
        assertEquals(1, loop.polls(), "one poll, until the live timer");
        assertEquals(10.0, loop.time(), 1e-9);
    }

    @Test
    void testSetDebug() {
        loop.setDebug(true);
        assertTrue(loop.getDebug());
        loop.setDebug(false);
        assertFalse(loop.getDebug());
    }

    @Test
    void testRunOnceScheduleHandle() {
        // CPython's test__run_once_schedule_handle: a due timer runs in this iteration, what it schedules in the next
        List<String> calls = new ArrayList<>();
        loop.callLater(-1, () -> {
            calls.add("timer");
            loop.callSoon(() -> calls.add("scheduled"));
        });
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(List.of("timer"), calls);
        runBriefly(loop);
        assertEquals(List.of("timer", "scheduled"), calls);
    }

    @Test
    void testRunUntilCompleteLoop() {
        Future<Object> task = loop.createFuture();
        VirtualTimeLoop otherLoop = track(VirtualTimeLoop.create());
        assertThrows(IllegalArgumentException.class, () -> otherLoop.runUntilComplete(task));
        task.cancel();
    }

    @Test
    void testRunUntilCompleteLoopOrphanFutureCloseLoop() {
        loop.callSoon(() -> {
            throw new ShowStopper();
        });
        assertThrows(ShowStopper.class, () -> loop.runUntilComplete(AsyncIO.sleep(0.1)));
        // fails if runUntilComplete left its stop callback on the previous future
        loop.runUntilComplete(AsyncIO.sleep(0.2));
    }

    @Test
    void testDefaultExcHandlerCallback() {
        for (boolean later : List.of(false, true)) {
            try (LogCapture log = LogCapture.start()) {
                Future<Boolean> fut = loop.createFuture();
                Runnable zeroError = () -> {
                    fut.setResult(true);
                    System.out.println(1 / zero());
                };
                if (later) {
                    loop.callLater(0.01, zeroError);
                } else {
                    loop.callSoon(zeroError);
                }
                fut.addDoneCallback(f -> loop.stop());
                loop.runForever();
                List<LogRecord> errors = log.at(Level.SEVERE);
                assertEquals(1, errors.size());
                assertTrue(errors.get(0).getMessage().startsWith("Exception in callback"), errors.get(0).getMessage());
                assertInstanceOf(ArithmeticException.class, errors.get(0).getThrown());
            }
        }
    }

    private static int zero() {
        return 0;
    }

    @Test
    void testDefaultExcHandlerCoro() {
        try (LogCapture log = LogCapture.start()) {
            Task<Object> fut = loop.createTask(() -> Steps.inTurn(v -> AsyncIO.sleep(0.01),
                    v -> Task.completed(1 / zero())));
            fut.addDoneCallback(f -> loop.stop());
            loop.runForever();
            loop.close();
            List<LogRecord> errors = log.at(Level.SEVERE);
            assertEquals(1, errors.size());
            assertTrue(errors.get(0).getMessage().contains("exception was never retrieved"), errors.get(0).getMessage());
            assertInstanceOf(ArithmeticException.class, errors.get(0).getThrown());
        }
    }

    @Test
    void testSetExcHandlerCustom() {
        loop.setDebug(true);
        assertNull(loop.getExceptionHandler());
        List<Object[]> calls = new ArrayList<>();
        org.jasyncio.ExceptionHandler mockHandler = (l, context) -> calls.add(new Object[] {l, context});
        loop.setExceptionHandler(mockHandler);
        assertSame(mockHandler, loop.getExceptionHandler());
        Handle handle = loop.callSoon(BaseEventsConformanceTest::zeroError);
        runBriefly(loop);
        assertEquals(1, calls.size());
        assertSame(loop, calls.get(0)[0]);
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) calls.get(0)[1];
        assertTrue(context.get("message").toString().startsWith("Exception in callback"), context.toString());
        assertInstanceOf(ArithmeticException.class, context.get("exception"));
        assertSame(handle, context.get("handle"));
        calls.clear();

        loop.setExceptionHandler(null);
        try (LogCapture log = LogCapture.start()) {
            loop.callSoon(BaseEventsConformanceTest::zeroError);
            runBriefly(loop);
            List<LogRecord> errors = log.at(Level.SEVERE);
            assertEquals(1, errors.size());
            assertTrue(errors.get(0).getMessage().startsWith("Exception in callback"), errors.get(0).getMessage());
            assertInstanceOf(ArithmeticException.class, errors.get(0).getThrown());
        }
        assertEquals(List.of(), calls);
    }

    private static void zeroError() {
        System.out.println(1 / zero());
    }

    @Test
    void testSetExcHandlerBroken() {
        IllegalStateException spam = new IllegalStateException("spam");
        loop.setExceptionHandler((l, context) -> {
            throw spam;
        });
        try (LogCapture log = LogCapture.start()) {
            loop.callSoon(BaseEventsConformanceTest::zeroError);
            runBriefly(loop);
            List<LogRecord> errors = log.at(Level.SEVERE);
            assertEquals(1, errors.size());
            assertTrue(errors.get(0).getMessage().startsWith("Unhandled error in exception handler"),
                    errors.get(0).getMessage());
            assertSame(spam, errors.get(0).getThrown());
        }
    }

    /** test_default_exc_handler_broken's loop: its default exception handler fails, and records what it got. */
    private static final class BrokenDefaultHandlerLoop extends EventLoop {
        Map<String, Object> context;

        BrokenDefaultHandlerLoop() {
            super(new Poller() {
                @Override
                public void poll(long timeoutNanos) {
                }

                @Override
                public void wakeup() {
                }

                @Override
                public void close() {
                }
            }, Clock.SYSTEM);
        }

        @Override
        public void defaultExceptionHandler(Map<String, Object> context) {
            this.context = context;
            throw new IllegalArgumentException("spam");
        }
    }

    @Test
    void testDefaultExcHandlerBroken() {
        BrokenDefaultHandlerLoop broken = track(new BrokenDefaultHandlerLoop());
        try (LogCapture log = LogCapture.start()) {
            broken.callSoon(BaseEventsConformanceTest::zeroError);
            runBriefly(broken);
            List<LogRecord> errors = log.at(Level.SEVERE);
            assertEquals(1, errors.size());
            assertEquals("Exception in default exception handler", errors.get(0).getMessage());
        }
        broken.setExceptionHandler((l, context) -> {
            throw new IllegalArgumentException("ham");
        });
        broken.context = null;
        try (LogCapture log = LogCapture.start()) {
            broken.callSoon(BaseEventsConformanceTest::zeroError);
            runBriefly(broken);
            List<LogRecord> errors = log.at(Level.SEVERE);
            assertEquals(1, errors.size());
            String message = errors.get(0).getMessage();
            assertTrue(message.startsWith("Exception in default exception handler while handling")
                    && message.contains("in custom"), message);
            @SuppressWarnings("unchecked")
            Map<String, Object> original = (Map<String, Object>) broken.context.get("context");
            assertInstanceOf(ArithmeticException.class, original.get("exception"));
        }
    }

    @Test
    void testCreateTaskErrorClosesCoro() {
        EventLoop closed = track(VirtualTimeLoop.create());
        closed.close();
        AtomicBoolean started = new AtomicBoolean();
        assertThrows(IllegalStateException.class, () -> closed.createTask(() -> {
            started.set(true);
            return Task.completed(null);
        }));
        assertFalse(started.get(), "the coroutine never ran");
    }

    @Test
    void testCreateNamedTaskWithDefaultFactory() {
        Task<Object> task = loop.createTask(() -> Task.completed(null));
        task.setName("test_task");
        assertEquals("test_task", task.getName());
        loop.runUntilComplete(task);
    }

    @Test
    void testRunForeverKeyboardInterrupt() {
        List<Map<String, Object>> reports = new CopyOnWriteArrayList<>();
        loop.setExceptionHandler((l, context) -> reports.add(context));
        Task<Object> raising = loop.createTask(() -> Steps.inTurn(v -> {
            throw new ShowStopper();
        }));
        assertThrows(ShowStopper.class, () -> loop.runUntilComplete(raising));
        loop.close();
        assertEquals(List.of(), reports);
    }

    @Test
    void testRunUntilCompleteBaseexception() {
        Task<Object> raising = loop.createTask(() -> Steps.inTurn(v -> {
            throw new ShowStopper();
        }));
        assertThrows(ShowStopper.class, () -> loop.runUntilComplete(raising));
        AtomicBoolean called = new AtomicBoolean();
        loop.callSoon(() -> loop.callSoon(() -> {
            loop.stop();
            called.set(true);
        }));
        loop.runForever();
        assertTrue(called.get(), "no stop was left pending by the run that the error ended");
    }

    @Test
    void testRunOnce() {
        AtomicInteger count = new AtomicInteger();
        loop.callSoon(count::incrementAndGet);
        runBriefly(loop);
        assertEquals(1, count.get());
    }

    @Test
    void testRunForeverPreStopped() {
        List<String> calls = new ArrayList<>();
        loop.callLater(10, () -> calls.add("timer"));
        loop.stop();
        loop.runForever();
        assertEquals(1, loop.polls(), "one iteration");
        assertEquals(0.0, loop.time(), "that did not wait for the timer");
        assertEquals(List.of(), calls);
    }

    @Test
    void testLogSlowCallbacks() {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(0.0);
        try (LogCapture log = LogCapture.start()) {
            loop.callSoon(() -> stopLoopCb(loop));
            loop.runForever();
            List<String> warnings = log.messages(Level.WARNING);
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).matches("^Executing <Handle .*BaseEventsConformanceTest.*> took .* seconds$"),
                    warnings.get(0));
        }
        try (LogCapture log = LogCapture.start()) {
            Task<Object> stopLoopCoro = loop.createTask(() -> Steps.inTurn(Steps.then(loop::stop)));
            loop.runForever();
            List<String> warnings = log.messages(Level.WARNING);
            assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Executing <Task ")
                    && w.contains("name='" + stopLoopCoro.getName() + "'") && w.matches(".*> took .* seconds$")),
                    warnings.toString());
        }
    }

    private static void stopLoopCb(EventLoop loop) {
        loop.stop();
    }

    // ---- RunningLoopTests ---------------------------------------------------------------------------

    @Test
    void testRunningLoopWithinALoop() {
        VirtualTimeLoop inner = track(VirtualTimeLoop.create());
        VirtualTimeLoop outerLoop = track(VirtualTimeLoop.create());
        Task<Object> task = outerLoop.createTask(() -> Steps.inTurn(Steps.then(inner::runForever)));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> outerLoop.runUntilComplete(task));
        assertTrue(refused.getMessage().contains("while another loop is running"), refused.getMessage());
    }
}
