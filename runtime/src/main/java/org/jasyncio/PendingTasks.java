package org.jasyncio;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

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
 *
 * <p>Another thread may walk both lists while the loop changes them ({@link TaskGraphSnapshot}):
 * a link only ever points to an older task, so such a walk ends, and reading never changes
 * them (a {@code WeakHashMap} would: its reads drop cleared entries).
 */
final class PendingTasks {

    /** Weakly held tasks beyond which {@link #add} drops the finished and collected ones. */
    private static final int FIRST_PURGE = 64;

    private Task<?> head;
    private WeakTask weakHead;
    private int weakCount;
    private int purgeAt = FIRST_PURGE;

    /** A link of the debug-mode list; a finished or collected task's link stays until the next purge. */
    private static final class WeakTask extends WeakReference<Task<?>> {
        WeakTask next;

        WeakTask(Task<?> task, WeakTask next) {
            super(task);
            this.next = next;
        }
    }

    void add(Task<?> task, boolean debug) {
        if (debug) {
            weakHead = new WeakTask(task, weakHead);
            if (++weakCount > purgeAt) {
                purgeWeak();
            }
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
    }

    /** Unlinks the weak links of finished and collected tasks; the next purge comes after as many again. */
    private void purgeWeak() {
        WeakTask kept = null;
        int count = 0;
        for (WeakTask link = weakHead; link != null; link = link.next) {
            Task<?> task = link.get();
            if (task == null || task.done()) {
                if (kept == null) {
                    weakHead = link.next;
                } else {
                    kept.next = link.next;
                }
            } else {
                kept = link;
                count++;
            }
        }
        weakCount = count;
        purgeAt = Math.max(FIRST_PURGE, 2 * count);
    }

    /** The tasks not yet done, newest first; changes nothing, so another thread may call it too. */
    List<Task<?>> snapshot() {
        List<Task<?>> pending = new ArrayList<>();
        for (Task<?> task = head; task != null; task = task.nextPending) {
            pending.add(task);
        }
        for (WeakTask link = weakHead; link != null; link = link.next) {
            Task<?> task = link.get();
            if (task != null && !task.done()) {
                pending.add(task);
            }
        }
        return pending;
    }
}
