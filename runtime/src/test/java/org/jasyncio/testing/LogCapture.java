package org.jasyncio.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what jasyncio logs through {@code System.getLogger("org.jasyncio")} (which the JDK's default
 * logger finder routes to {@code java.util.logging}) while it is open:
 * {@code try (LogCapture logs = LogCapture.start()) { ...; assertEquals(..., logs.messages(Level.WARNING)); }}.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("org.jasyncio");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final boolean usedParentHandlers;

    private LogCapture() {
        usedParentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(this);
    }

    /** Starts capturing; {@link #close()} stops and restores the logger's console output. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** The captured records, in order. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** The captured records at {@code level}. */
    public List<LogRecord> at(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).toList();
    }

    /** The messages of the captured records at {@code level}, in order. */
    public List<String> messages(Level level) {
        return at(level).stream().map(LogRecord::getMessage).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(usedParentHandlers);
    }
}
