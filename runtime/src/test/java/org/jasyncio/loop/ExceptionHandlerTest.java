package org.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jasyncio.ExceptionHandler;
import org.jasyncio.Handle;
import org.jasyncio.testing.LogCapture;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExceptionHandlerTest {

    private final VirtualTimeLoop loop = VirtualTimeLoop.create();
    private final List<Map<String, Object>> reports = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void callbackExceptionGoesToTheHandlerAndTheLoopKeepsRunning() {
        loop.setExceptionHandler((l, context) -> reports.add(context));
        RuntimeException failure = new RuntimeException("boom");
        List<String> events = new ArrayList<>();
        Handle failing = loop.callSoon(() -> {
            throw failure;
        });
        loop.callSoon(() -> events.add("next callback"));
        loop.callLater(1.0, () -> {
            events.add("timer");
            loop.stop();
        });
        loop.runForever();

        assertEquals(List.of("next callback", "timer"), events);
        assertEquals(1, reports.size());
        Map<String, Object> context = reports.get(0);
        assertEquals("Exception in callback lambda in ExceptionHandlerTest", context.get("message"));
        assertSame(failure, context.get("exception"));
        assertSame(failing, context.get("handle"));
    }

    @Test
    void handlerReceivesTheLoop() {
        List<Object> loops = new ArrayList<>();
        ExceptionHandler handler = (l, context) -> loops.add(l);
        loop.setExceptionHandler(handler);
        assertSame(handler, loop.getExceptionHandler());
        loop.callExceptionHandler(Map.of("message", "hello"));
        assertEquals(List.of(loop), loops);
    }

    @Test
    void defaultHandlerLogsMessageSortedContextAndStackTraceAtError() {
        IllegalStateException failure = new IllegalStateException("bad state");
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", "Something failed");
        context.put("exception", failure);
        context.put("task", "<Task pending>");
        context.put("future", "<Future pending>");
        try (LogCapture logs = LogCapture.start()) {
            loop.callExceptionHandler(context);
            List<LogRecord> errors = logs.at(Level.SEVERE);
            assertEquals(1, errors.size());
            assertEquals("Something failed\nfuture: <Future pending>\ntask: <Task pending>", errors.get(0).getMessage());
            assertSame(failure, errors.get(0).getThrown());
        }
    }

    @Test
    void defaultHandlerWithoutMessageSaysUnhandledException() {
        try (LogCapture logs = LogCapture.start()) {
            loop.defaultExceptionHandler(Map.of());
            assertEquals("Unhandled exception in event loop", logs.at(Level.SEVERE).get(0).getMessage());
            assertNull(logs.at(Level.SEVERE).get(0).getThrown());
        }
    }

    @Test
    void failingCustomHandlerFallsBackToTheDefault() {
        RuntimeException handlerFailure = new RuntimeException("handler broke");
        loop.setExceptionHandler((l, context) -> {
            throw handlerFailure;
        });
        try (LogCapture logs = LogCapture.start()) {
            loop.callSoon(() -> {
                throw new RuntimeException("callback broke");
            });
            loop.callSoon(loop::stop);
            loop.runForever();
            List<LogRecord> errors = logs.at(Level.SEVERE);
            assertEquals(1, errors.size());
            String message = errors.get(0).getMessage();
            assertTrue(message.startsWith("Unhandled error in exception handler\ncontext: {message=Exception in callback"),
                    message);
            assertSame(handlerFailure, errors.get(0).getThrown());
        }
    }

    @Test
    void settingNullRestoresTheDefaultHandler() {
        loop.setExceptionHandler((l, context) -> reports.add(context));
        loop.setExceptionHandler(null);
        assertNull(loop.getExceptionHandler());
        try (LogCapture logs = LogCapture.start()) {
            loop.callExceptionHandler(Map.of("message", "to the log"));
            assertEquals("to the log", logs.at(Level.SEVERE).get(0).getMessage());
        }
        assertEquals(List.of(), reports);
    }
}
