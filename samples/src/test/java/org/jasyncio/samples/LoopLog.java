package org.jasyncio.samples;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the loop reports through {@code System.getLogger("org.jasyncio")}, which the JDK's
 * default logger finder routes to {@code java.util.logging}, while it is open.
 */
final class LoopLog extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("org.jasyncio");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final boolean usedParentHandlers;

    private LoopLog() {
        usedParentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(this);
    }

    static LoopLog capture() {
        return new LoopLog();
    }

    /** The messages of the WARNING records, in order. */
    List<String> warnings() {
        return records.stream().filter(r -> r.getLevel().equals(Level.WARNING)).map(LogRecord::getMessage).toList();
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
