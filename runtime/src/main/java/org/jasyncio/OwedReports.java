package org.jasyncio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The "exception was never retrieved" reports a loop's futures have armed and that are still owed:
 * neither sent (by the {@link java.lang.ref.Cleaner}, at collection) nor settled (the exception was
 * retrieved). The garbage collector may never run before a program ends, so the loop sends what is
 * still owed when it closes. Any thread may arm, settle or send; a report leaves this set when it
 * is sent or settled, and {@link LostOutcome} makes sure each is sent at most once.
 */
final class OwedReports {
    private final Set<LostOutcome> owed = new LinkedHashSet<>();

    synchronized void add(LostOutcome report) {
        owed.add(report);
    }

    synchronized void remove(LostOutcome report) {
        owed.remove(report);
    }

    /** Sends every report still owed, in the order they were armed. */
    void sendAll() {
        List<LostOutcome> due;
        synchronized (this) {
            due = new ArrayList<>(owed);
            owed.clear();
        }
        for (LostOutcome report : due) {
            report.run();
        }
    }
}
