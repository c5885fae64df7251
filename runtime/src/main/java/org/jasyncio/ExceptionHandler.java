package org.jasyncio;

import java.util.Map;

/**
 * A loop's exception handler, asyncio's {@code handler(loop, context)}: receives everything the loop
 * reports (exceptions thrown by callbacks, task exceptions never retrieved, pending tasks destroyed).
 * Install one with {@link EventLoop#setExceptionHandler}; it runs on the loop's thread (or on the
 * thread that collected a task) and should not block. If it throws, the loop falls back to
 * {@link EventLoop#defaultExceptionHandler} and reports "Unhandled error in exception handler".
 */
@FunctionalInterface
public interface ExceptionHandler {

    /**
     * Handles one report. {@code context} has asyncio's keys: {@code "message"} (always), and as
     * applicable {@code "exception"} (a {@link Throwable}), {@code "handle"}, {@code "future"},
     * {@code "task"}.
     */
    void handle(EventLoop loop, Map<String, Object> context);
}
