package org.jasyncio;

import java.util.ArrayList;
import java.util.List;
import java.util.WeakHashMap;

/**
 * A loop's pending tasks, behind {@link AsyncIO#allTasks()} and the clean-up of
 * {@link AsyncIO#run}: a doubly linked list threaded through the tasks themselves, so
 * registering a task allocates nothing and takes no lock (only the loop's thread registers
 * and finishes its tasks).
 *
 * <p>The list holds a task until it finishes, so a task nobody references still runs to its
 * end (asyncio holds tasks weakly and can lose such a task). In debug mode a task is held
 * weakly instead, as asyncio does, so that "Task was destroyed but it is pending!" can be
 * reported for a task that became unreachable while it waited.
 */
final class PendingTasks {

    private Task<?> head;
    private WeakHashMap<Task<?>, Boolean> weaklyHeld;

    void add(Task<?> task, boolean debug) {
        if (debug) {
            if (weaklyHeld == null) {
                weaklyHeld = new WeakHashMap<>();
            }
            weaklyHeld.put(task, Boolean.TRUE);
            return;
        }
        task.nextPending = head;
        if (head != null) {
            head.previousPending = task;
        }
        head = task;
    }

    void remove(Task<?> task) {
        Task<?> previous = task.previousPending;
        Task<?> next = task.nextPending;
        if (previous != null) {
            previous.nextPending = next;
        } else if (head == task) {
            head = next;
        }
        if (next != null) {
            next.previousPending = previous;
        }
        task.previousPending = null;
        task.nextPending = null;
        if (weaklyHeld != null) {
            weaklyHeld.remove(task);
        }
    }

    /** The tasks not yet done, oldest last. */
    List<Task<?>> snapshot() {
        List<Task<?>> pending = new ArrayList<>();
        for (Task<?> task = head; task != null; task = task.nextPending) {
            pending.add(task);
        }
        if (weaklyHeld != null) {
            for (Task<?> task : weaklyHeld.keySet()) {
                if (task != null && !task.done()) {
                    pending.add(task);
                }
            }
        }
        return pending;
    }
}
