package org.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jasyncio.Handle;
import org.jasyncio.TimerHandle;
import org.jasyncio.testing.LogCapture;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DebugModeTest {

    private final VirtualTimeLoop loop = VirtualTimeLoop.create();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private static int line() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst().orElseThrow().getLineNumber());
    }

    @Test
    void slowCallbackIsReportedWithItsSourceAndDuration() {
        loop.setDebug(true);
        try (LogCapture logs = LogCapture.start()) {
            int line = line(); loop.callSoon(() -> loop.advance(10.003));
            loop.callSoon(loop::stop);
            loop.runForever();
            List<LogRecord> warnings = logs.at(Level.WARNING);
            assertEquals(1, warnings.size());
            assertEquals("Executing <Handle lambda in DebugModeTest created at DebugModeTest.java:" + line
                    + "> took 10.003 seconds", warnings.get(0).getMessage());
        }
    }

    @Test
    void slowTimerIsReportedWithWhen() {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(Duration.ofSeconds(1));
        try (LogCapture logs = LogCapture.start()) {
            int line = line(); loop.callLater(2.0, () -> loop.advance(1.5));
            loop.callLater(3.0, () -> loop.advance(0.5));
            loop.callLater(4.0, loop::stop);
            loop.runForever();
            List<LogRecord> warnings = logs.at(Level.WARNING);
            assertEquals(1, warnings.size());
            assertEquals("Executing <TimerHandle when=2.0 lambda in DebugModeTest created at DebugModeTest.java:"
                    + line + "> took 1.500 seconds", warnings.get(0).getMessage());
        }
    }

    @Test
    void fastCallbacksAndNonDebugLoopsReportNothing() {
        try (LogCapture logs = LogCapture.start()) {
            loop.callSoon(() -> loop.advance(10.0));
            loop.callSoon(loop::stop);
            loop.runForever();
            loop.setDebug(true);
            loop.callSoon(() -> loop.advance(0.099));
            loop.callSoon(loop::stop);
            loop.runForever();
            assertEquals(List.of(), logs.at(Level.WARNING));
        }
    }

    @Test
    void slowCallbackDurationDefaultsToOneTenthSecond() {
        assertEquals(0.1, loop.getSlowCallbackDuration());
        loop.setSlowCallbackDuration(0.25);
        assertEquals(0.25, loop.getSlowCallbackDuration());
        assertThrows(IllegalArgumentException.class, () -> loop.setSlowCallbackDuration(-1.0));
    }

    @Test
    void handleReprShowsCallbackAndCreationSiteOnlyInDebugMode() {
        Handle plain = loop.callSoon(() -> { });
        assertEquals("<Handle lambda in DebugModeTest>", plain.toString());
        loop.setDebug(true);
        int line = line(); Handle debug = loop.callSoon(() -> { });
        assertEquals("<Handle lambda in DebugModeTest created at DebugModeTest.java:" + line + ">", debug.toString());
        debug.cancel();
        assertEquals("<Handle cancelled created at DebugModeTest.java:" + line + ">", debug.toString());
        TimerHandle timer = loop.callAt(5.0, () -> { });
        assertTrue(timer.toString().startsWith("<TimerHandle when=5.0 lambda in DebugModeTest"), timer.toString());
    }

    @Test
    void nonThreadsafeCallsFromAnotherThreadRaiseInDebugMode() throws Exception {
        loop.setDebug(true);
        List<Executable> calls = List.of(
                () -> loop.callSoon(() -> { }),
                () -> loop.callLater(1.0, () -> { }),
                () -> loop.callAt(1.0, () -> { }));
        List<String> messages = new ArrayList<>();
        AtomicReference<Throwable> threadsafeFailure = new AtomicReference<>();
        loop.callSoon(() -> {
            Thread foreign = new Thread(() -> {
                for (Executable call : calls) {
                    messages.add(assertThrows(IllegalStateException.class, call).getMessage());
                }
                try {
                    loop.callSoonThreadsafe(loop::stop);
                } catch (Throwable t) {
                    threadsafeFailure.set(t);
                }
            });
            foreign.start();
            joinUninterruptibly(foreign);
        });
        loop.runForever();
        assertEquals(List.of(
                "Non-thread-safe operation invoked on an event loop other than the current one",
                "Non-thread-safe operation invoked on an event loop other than the current one",
                "Non-thread-safe operation invoked on an event loop other than the current one"), messages);
        assertEquals(null, threadsafeFailure.get());
        assertFalse(loop.isRunning());
    }

    @Test
    void debugCanBeSwitchedOnAndOff() {
        assertFalse(loop.getDebug());
        loop.setDebug(true);
        assertTrue(loop.getDebug());
        loop.setDebug(false);
        assertFalse(loop.getDebug());
    }

    @Test
    void systemPropertyTurnsDebugOnForNewLoops() {
        String previous = System.getProperty("jasyncio.debug");
        System.setProperty("jasyncio.debug", "true");
        VirtualTimeLoop debugLoop = VirtualTimeLoop.create();
        try {
            assertTrue(debugLoop.getDebug());
        } finally {
            debugLoop.close();
            if (previous == null) {
                System.clearProperty("jasyncio.debug");
            } else {
                System.setProperty("jasyncio.debug", previous);
            }
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
