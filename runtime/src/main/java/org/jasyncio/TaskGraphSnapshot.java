package org.jasyncio;

import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * A loop's task graph ({@link EventLoop#dumpTasks()}) read from a thread other than the loop's,
 * without waiting for the loop: the loop may be the one that hangs. The read takes no lock and
 * changes nothing; it is exact when the loop waited in its poller all along (a loop hung on an
 * await does), which {@link EventLoop#busySequence()} tells, as a seqlock does. While the loop runs
 * callbacks (or hangs inside one) the read is retried a few times, then taken as it is, marked
 * unsettled: the tasks the loop did not touch meanwhile are still shown right.
 *
 * @param graph the dump, or why it could not be read
 * @param tasks how many tasks the dump lists
 * @param settled whether the loop ran no callback during the read
 */
record TaskGraphSnapshot(String graph, int tasks, boolean settled) {

    private static final int ATTEMPTS = 3;

    static TaskGraphSnapshot of(EventLoop loop) {
        RuntimeException unreadable = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            int before = loop.busySequence();
            try {
                List<Task<?>> tasks = TaskDump.ownTasks(loop.pendingTasks.snapshot());
                String graph = TaskDump.graphOf(tasks);
                VarHandle.loadLoadFence();
                boolean settled = (before & 1) == 0 && loop.busySequence() == before;
                if (settled || attempt == ATTEMPTS) {
                    return new TaskGraphSnapshot(graph, tasks.size(), settled);
                }
            } catch (RuntimeException changedUnderfoot) {
                unreadable = changedUnderfoot;
            }
        }
        return new TaskGraphSnapshot("The tasks changed while they were read: " + unreadable, 0, false);
    }
}
