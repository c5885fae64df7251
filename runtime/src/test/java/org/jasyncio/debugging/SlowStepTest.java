package org.jasyncio.debugging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.testing.LogCapture;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Debug mode names the @Async method and line of a task step that blocked the loop, in asyncio's words. */
class SlowStepTest {
    private final VirtualTimeLoop loop = VirtualTimeLoop.create();
    private final Future<Object> first = loop.createFuture();
    private final Future<Object> second = loop.createFuture();

    /** Lets the greeting finish, so that debug mode has no lost task to report later. */
    @AfterEach
    void finishAndCloseLoop() {
        loop.setDebug(false);
        for (Future<Object> gate : List.of(first, second)) {
            if (!gate.done()) {
                gate.setResult(null);
            }
        }
        loop.callLater(1.0, loop::stop);
        loop.runForever();
        loop.close();
    }

    @Test
    void aResumedStepThatBlocksIsReportedWithItsMethodAndLine() {
        loop.setDebug(true);
        Future<Task<Void>> started = loop.createFuture();
        loop.callSoon(() -> started.setResult(Blocker.greet(loop, 0, first, second)));
        Task<Void> greet = loop.runUntilComplete(started);
        try (LogCapture logs = LogCapture.start()) {
            first.setResult("go");
            loop.callLater(1.0, loop::stop);
            loop.runForever();
            List<LogRecord> warnings = logs.at(Level.WARNING);
            assertEquals(1, warnings.size());
            assertEquals("Executing <Task pending name='" + greet.getName() + "' coro=<Greeter.greet() running at"
                    + " Greeter.java:12> wait_for=<Future pending>> took 0.150 seconds", warnings.get(0).getMessage());
        }
    }

    @Test
    void aCreatedTaskWhoseFirstStepBlocksIsReportedAsTheMethodItStarted() {
        loop.setDebug(true);
        try (LogCapture logs = LogCapture.start()) {
            Task<Void> created = loop.createTask(() -> Blocker.greet(loop, 0.2, first, second));
            loop.callLater(1.0, loop::stop);
            loop.runForever();
            List<LogRecord> warnings = logs.at(Level.WARNING);
            assertEquals(1, warnings.size());
            String message = warnings.get(0).getMessage();
            String expected = "Executing <Task pending name='" + created.getName() + "' coro=<Greeter.greet() running at"
                    + " Greeter.java:11> wait_for=<Task pending name='";
            assertTrue(message.startsWith(expected), message);
            assertTrue(message.endsWith("> took 0.200 seconds"), message);
        }
    }
}
