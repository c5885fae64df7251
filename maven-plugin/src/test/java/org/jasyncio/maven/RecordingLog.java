package org.jasyncio.maven;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Maven log that keeps each line with its level ({@code [INFO] ...}), for assertions. */
final class RecordingLog extends SystemStreamLog {

    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(CharSequence content) {
        lines.add("[INFO] " + content);
    }

    @Override
    public void warn(CharSequence content) {
        lines.add("[WARNING] " + content);
    }

    @Override
    public void error(CharSequence content) {
        lines.add("[ERROR] " + content);
    }

    List<String> withLevel(String level) {
        String prefix = "[" + level + "] ";
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }
}
