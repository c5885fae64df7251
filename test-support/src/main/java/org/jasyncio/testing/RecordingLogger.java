package org.jasyncio.testing;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link System.Logger} that keeps what it is told, for assertions. */
public final class RecordingLogger implements System.Logger {

    /** One call to {@code log}, its parameters already formatted into the message. */
    public record Entry(Level level, String message, Throwable thrown) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
        return "recording";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        entries.add(new Entry(level, message, thrown));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        entries.add(new Entry(level, params == null ? format : MessageFormat.format(format, params), null));
    }

    /** Everything logged so far, in order. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The messages logged at any level, in order. */
    public List<String> messages() {
        return entries.stream().map(Entry::message).toList();
    }

    /** The messages logged at {@code level}, in order. */
    public List<String> messages(Level level) {
        return entries.stream().filter(e -> e.level() == level).map(Entry::message).toList();
    }
}
