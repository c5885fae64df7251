package org.jasyncio.benchmarks.memory;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The live objects of each class, from the JVM's own class histogram ({@code jcmd GC.class_histogram},
 * here through the {@code DiagnosticCommand} MBean, which collects garbage first): two of them, taken
 * before and after, show which classes what was made in between retains.
 */
final class ClassHistogram {

    /** Instances and bytes of one class. */
    record Entry(String type, long instances, long bytes) {
    }

    private final Map<String, Entry> entries;

    private ClassHistogram(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static ClassHistogram take() {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Map<String, Entry> entries = new HashMap<>();
            for (String line : text.split("\n")) {
                // " 1:  1000000  64000000  org.jasyncio.internal.Coroutine (org.jasyncio)"
                String[] columns = line.trim().split("\\s+");
                if (columns.length >= 4 && columns[0].endsWith(":")) {
                    entries.put(columns[3], new Entry(columns[3], Long.parseLong(columns[1]), Long.parseLong(columns[2])));
                }
            }
            return new ClassHistogram(entries);
        } catch (JMException e) {
            throw new IllegalStateException("no class histogram from the DiagnosticCommand MBean", e);
        }
    }

    /** What {@code after} holds beyond this histogram, the largest growth first. */
    List<Entry> growthTo(ClassHistogram after) {
        return after.entries.values().stream()
                .map(entry -> {
                    Entry old = entries.getOrDefault(entry.type(), new Entry(entry.type(), 0, 0));
                    return new Entry(entry.type(), entry.instances() - old.instances(), entry.bytes() - old.bytes());
                })
                .filter(entry -> entry.bytes() > 0)
                .sorted(Comparator.comparingLong(Entry::bytes).reversed())
                .toList();
    }
}
