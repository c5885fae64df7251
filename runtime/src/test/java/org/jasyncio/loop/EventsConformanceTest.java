package org.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Handle;
import org.jasyncio.Task;
import org.jasyncio.TimerHandle;
import org.jasyncio.net.LoopType;
import org.jasyncio.testing.Steps;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CPython's {@code Lib/test/test_asyncio/test_events.py}: the loop tests of {@code EventLoopTestsMixin},
 * run on every loop type as CPython runs the mixin per selector and on the proactor, and
 * {@code HandleTests} and {@code TimerTests}, in virtual time; each is named after the CPython test it
 * ports ({@code docs/conformance.md} lists all). The network tests of the mixin are in
 * {@code net/EventsNetworkConformanceTest}.
 */
class EventsConformanceTest {

    private final List<EventLoop> made = new ArrayList<>();

    static List<LoopType> loops() {
        return LoopType.all();
    }

    private EventLoop newLoop(LoopType type) {
        EventLoop loop = type.factory().get();
        made.add(loop);
        AsyncIO.setEventLoop(loop);
        return loop;
    }

    private VirtualTimeLoop newVirtualLoop() {
        VirtualTimeLoop loop = VirtualTimeLoop.create();
        made.add(loop);
        AsyncIO.setEventLoop(loop);
        return loop;
    }

    @AfterEach
    void closeLoops() {
        AsyncIO.setEventLoop(null);
        for (EventLoop loop : made) {
            if (!loop.isClosed()) {
                loop.close();
            }
        }
    }

    // ---- EventLoopTestsMixin ------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("loops")
    void testRunUntilCompleteNesting(LoopType type) {
        EventLoop loop = newLoop(type);
        Task<Object> coro2 = loop.createTask(() -> Steps.inTurn(v -> {
            assertTrue(loop.isRunning());
            return loop.runUntilComplete(AsyncIO.sleep(0));
        }));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(coro2));
        assertEquals("This event loop is already running", refused.getMessage());
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testRunUntilComplete(LoopType type) {
        EventLoop loop = newLoop(type);
        double delay = 0.1;
        double t0 = loop.time();
        loop.runUntilComplete(AsyncIO.sleep(delay));
        assertTrue(loop.time() - t0 >= delay, "the loop's clock moved at least the delay");
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testRunUntilCompleteStopped(LoopType type) {
        EventLoop loop = newLoop(type);
        Task<Object> task = loop.createTask(() -> Steps.inTurn(Steps.then(loop::stop), v -> AsyncIO.sleep(0.1)));
        IllegalStateException stopped = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(task));
        assertEquals("Event loop stopped before Future completed.", stopped.getMessage());
        task.cancel();
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCallLater(LoopType type) {
        EventLoop loop = newLoop(type);
        List<String> results = new ArrayList<>();
        loop.callLater(0.1, () -> {
            results.add("hello world");
            loop.stop();
        });
        loop.runForever();
        assertEquals(List.of("hello world"), results);
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCallSoon(LoopType type) {
        EventLoop loop = newLoop(type);
        List<List<String>> results = new ArrayList<>();
        loop.callSoon(() -> {
            results.add(List.of("hello", "world"));
            loop.stop();
        });
        loop.runForever();
        assertEquals(List.of(List.of("hello", "world")), results);
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCallSoonThreadsafe(LoopType type) throws Exception {
        EventLoop loop = newLoop(type);
        List<String> results = new CopyOnWriteArrayList<>();
        CountDownLatch posted = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            loop.callSoonThreadsafe(() -> twoThenStop(loop, results, "hello"));
            posted.countDown();
        });
        thread.start();
        assertTrue(posted.await(20, TimeUnit.SECONDS));
        loop.callSoon(() -> twoThenStop(loop, results, "world"));
        loop.runForever();
        thread.join();
        assertEquals(List.of("hello", "world"), results);
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCallSoonThreadsafeSameThread(LoopType type) {
        EventLoop loop = newLoop(type);
        List<String> results = new ArrayList<>();
        loop.callSoonThreadsafe(() -> twoThenStop(loop, results, "hello"));
        loop.callSoon(() -> twoThenStop(loop, results, "world"));
        loop.runForever();
        assertEquals(List.of("hello", "world"), results);
    }

    private static void twoThenStop(EventLoop loop, List<String> results, String arg) {
        results.add(arg);
        if (results.size() >= 2) {
            loop.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testRunInExecutor(LoopType type) {
        EventLoop loop = newLoop(type);
        Future<List<Object>> f2 = loop.runInExecutor(null, () -> List.of("yo", Thread.currentThread()));
        List<Object> res = loop.runUntilComplete(f2);
        assertEquals("yo", res.get(0));
        assertNotSame(Thread.currentThread(), res.get(1));
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testRunInExecutorCancel(LoopType type) throws Exception {
        EventLoop loop = newLoop(type);
        List<Map<String, Object>> reports = new CopyOnWriteArrayList<>();
        loop.setExceptionHandler((l, context) -> reports.add(context));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        Future<Object> f2 = loop.runInExecutor(null, () -> {
            started.countDown();
            release.await(20, TimeUnit.SECONDS);
            finished.set(true);
            return null;
        });
        assertTrue(started.await(20, TimeUnit.SECONDS));
        f2.cancel();
        release.countDown();
        loop.runUntilComplete(loop.shutdownDefaultExecutor());
        loop.close();
        assertTrue(finished.get(), "shutdownDefaultExecutor waited for the call");
        assertTrue(f2.cancelled());
        assertEquals(List.of(), reports, "the call finishing after the cancel reported nothing");
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCloseRunningEventLoop(LoopType type) {
        EventLoop loop = newLoop(type);
        Task<Object> closeLoop = loop.createTask(() -> Steps.inTurn(Steps.then(loop::close)));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(closeLoop));
        assertEquals("Cannot close a running event loop", refused.getMessage());
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testClose(LoopType type) {
        EventLoop loop = newLoop(type);
        loop.close();
        Runnable func = () -> { };
        AtomicBoolean bodyStarted = new AtomicBoolean();
        List<Runnable> blocked = List.of(
                loop::runForever,
                () -> loop.runUntilComplete(loop.createFuture()),
                () -> loop.callSoon(func),
                () -> loop.callSoonThreadsafe(func),
                () -> loop.callLater(1.0, func),
                () -> loop.callAt(loop.time(), func),
                () -> loop.createTask(() -> {
                    bodyStarted.set(true);
                    return Task.completed(null);
                }),
                () -> loop.runInExecutor(null, () -> null));
        for (Runnable call : blocked) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, call::run);
            assertEquals("Event loop is closed", thrown.getMessage());
        }
        assertFalse(bodyStarted.get());
    }

    // ---- HandleTests ------------------------------------------------------------------------------

    @Test
    void testHandle() {
        VirtualTimeLoop loop = newVirtualLoop();
        List<String> calls = new ArrayList<>();
        Handle h = loop.callSoon(() -> calls.add("ran"));
        assertFalse(h.cancelled());
        h.cancel();
        assertTrue(h.cancelled());
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertEquals(List.of(), calls);
    }

    @Test
    void testCallbackWithException() {
        VirtualTimeLoop loop = newVirtualLoop();
        List<Map<String, Object>> reports = new ArrayList<>();
        loop.setExceptionHandler((l, context) -> reports.add(context));
        IllegalArgumentException failure = new IllegalArgumentException();
        Handle h = loop.callSoon(() -> {
            throw failure;
        });
        loop.runUntilComplete(AsyncIO.sleep(0));
        assertEquals(1, reports.size());
        Map<String, Object> context = reports.get(0);
        assertTrue(context.get("message").toString().startsWith("Exception in callback "), context.toString());
        assertSame(failure, context.get("exception"));
        assertSame(h, context.get("handle"));
    }

    private static void noop() {
    }

    @Test
    void testHandleRepr() {
        VirtualTimeLoop loop = newVirtualLoop();
        Handle h = loop.callSoon(EventsConformanceTest::noop);
        assertEquals("<Handle lambda in EventsConformanceTest>", h.toString());
        h.cancel();
        assertEquals("<Handle cancelled>", h.toString());
    }

    @Test
    void testHandleReprDebug() {
        VirtualTimeLoop loop = newVirtualLoop();
        loop.setDebug(true);
        int line = lineHere() + 1;
        Handle h = loop.callSoon(EventsConformanceTest::noop);
        String createdAt = "created at EventsConformanceTest.java:" + line;
        assertEquals("<Handle lambda in EventsConformanceTest " + createdAt + ">", h.toString());
        h.cancel();
        assertEquals("<Handle cancelled " + createdAt + ">", h.toString());
        h.cancel();
        assertEquals("<Handle cancelled " + createdAt + ">", h.toString(), "a second cancel changes nothing");
    }

    @Test
    void testHandleSourceTraceback() {
        VirtualTimeLoop loop = newVirtualLoop();
        loop.setDebug(true);
        int line = lineHere() + 1;
        Handle soon = loop.callSoon(EventsConformanceTest::noop);
        Handle threadsafe = loop.callSoonThreadsafe(EventsConformanceTest::noop);
        Handle later = loop.callLater(0, EventsConformanceTest::noop);
        Handle at = loop.callAt(loop.time(), EventsConformanceTest::noop);
        List<Handle> handles = List.of(soon, threadsafe, later, at);
        for (int i = 0; i < handles.size(); i++) {
            assertTrue(handles.get(i).toString().endsWith("created at EventsConformanceTest.java:" + (line + i) + ">"),
                    handles.get(i).toString());
        }
    }

    private static int lineHere() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst().orElseThrow().getLineNumber());
    }

    // ---- TimerTests -------------------------------------------------------------------------------

    @Test
    void testWhen() {
        VirtualTimeLoop loop = newVirtualLoop();
        double when = loop.time() + 123;
        assertEquals(when, loop.callAt(when, EventsConformanceTest::noop).when());
    }

    @Test
    void testTimer() {
        VirtualTimeLoop loop = newVirtualLoop();
        List<String> calls = new ArrayList<>();
        TimerHandle h = loop.callLater(1, () -> calls.add("ran"));
        assertFalse(h.cancelled());
        h.cancel();
        assertTrue(h.cancelled());
        loop.runUntilComplete(AsyncIO.sleep(2));
        assertEquals(List.of(), calls);
    }

    @Test
    void testTimerRepr() {
        VirtualTimeLoop loop = newVirtualLoop();
        TimerHandle h = loop.callAt(123, EventsConformanceTest::noop);
        assertEquals("<TimerHandle when=123.0 lambda in EventsConformanceTest>", h.toString());
        h.cancel();
        assertEquals("<TimerHandle cancelled when=123.0>", h.toString());
    }

    @Test
    void testTimerReprDebug() {
        VirtualTimeLoop loop = newVirtualLoop();
        loop.setDebug(true);
        int line = lineHere() + 1;
        TimerHandle h = loop.callAt(123, EventsConformanceTest::noop);
        String createdAt = "created at EventsConformanceTest.java:" + line;
        assertEquals("<TimerHandle when=123.0 lambda in EventsConformanceTest " + createdAt + ">", h.toString());
        h.cancel();
        assertEquals("<TimerHandle cancelled when=123.0 " + createdAt + ">", h.toString());
    }

    // ---- PolicyTests, GetEventLoopTestsMixin --------------------------------------------------------

    @Test
    void testGetEventLoopReturnsRunningLoop() {
        EventLoopPolicyThatFails failing = new EventLoopPolicyThatFails();
        org.jasyncio.EventLoopPolicy old = AsyncIO.getEventLoopPolicy();
        AsyncIO.setEventLoopPolicy(failing);
        try {
            VirtualTimeLoop loop = VirtualTimeLoop.create();
            made.add(loop);
            assertThrows(TestError.class, AsyncIO::getEventLoop);
            IllegalStateException none = assertThrows(IllegalStateException.class, AsyncIO::getRunningLoop);
            assertTrue(none.getMessage().contains("no running event loop"), none.getMessage());
            List<EventLoop> seen = new ArrayList<>();
            loop.runUntilComplete(loop.createTask(() -> Steps.inTurn(Steps.then(() -> {
                seen.add(AsyncIO.getEventLoop());
                seen.add(AsyncIO.getRunningLoop());
            }))));
            assertEquals(List.of(loop, loop), seen);
            assertThrows(TestError.class, AsyncIO::getEventLoop);
        } finally {
            AsyncIO.setEventLoopPolicy(old);
        }
        assertThrows(IllegalStateException.class, AsyncIO::getRunningLoop);
    }

    private static final class TestError extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static final class EventLoopPolicyThatFails extends org.jasyncio.EventLoopPolicy {
        EventLoopPolicyThatFails() {
            super(VirtualTimeLoop::create);
        }

        @Override
        public EventLoop getEventLoop() {
            throw new TestError();
        }
    }

    @Test
    void testSetEventLoop() {
        org.jasyncio.EventLoopPolicy policy = org.jasyncio.EventLoopPolicy.selector();
        EventLoop oldLoop = policy.newEventLoop();
        made.add(oldLoop);
        policy.setEventLoop(oldLoop);
        EventLoop loop = policy.newEventLoop();
        made.add(loop);
        policy.setEventLoop(loop);
        assertSame(loop, policy.getEventLoop());
        assertNotSame(oldLoop, policy.getEventLoop());
        policy.setEventLoop(null);
    }

    @Test
    void testGetEventLoopPolicy() {
        org.jasyncio.EventLoopPolicy policy = AsyncIO.getEventLoopPolicy();
        assertSame(policy, AsyncIO.getEventLoopPolicy());
    }

    @Test
    void testSetEventLoopPolicy() {
        org.jasyncio.EventLoopPolicy old = AsyncIO.getEventLoopPolicy();
        try {
            org.jasyncio.EventLoopPolicy policy = org.jasyncio.EventLoopPolicy.selector();
            AsyncIO.setEventLoopPolicy(policy);
            assertSame(policy, AsyncIO.getEventLoopPolicy());
            assertNotSame(old, policy);
        } finally {
            AsyncIO.setEventLoopPolicy(old);
        }
    }

    @Test
    void testGetEventLoopAfterSetNone() {
        org.jasyncio.EventLoopPolicy policy = org.jasyncio.EventLoopPolicy.selector();
        policy.setEventLoop(null);
        assertThrows(IllegalStateException.class, policy::getEventLoop);
    }
}
