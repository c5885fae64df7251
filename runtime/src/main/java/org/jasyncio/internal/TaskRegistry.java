package org.jasyncio.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.jasyncio.EventLoop;
import org.jasyncio.Task;

/**
 * asyncio's weak set of scheduled tasks, behind {@code AsyncIO.allTasks()}: it must not keep a
 * forgotten task alive, or "Task was destroyed but it is pending!" could never be reported.
 * Only tasks that really suspend (or start lazily) are here; an {@code @Async} call that
 * finishes without suspending never had a task of its own. Costs one weak entry per such
 * task, shared by every loop, hence the lock.
 */
public final class TaskRegistry {
    private static final Map<Task<?>, Boolean> TASKS = new WeakHashMap<>();

    private TaskRegistry() {
    }

    static void add(Task<?> task) {
        synchronized (TASKS) {
            TASKS.put(task, Boolean.TRUE);
        }
    }

    /**
     * @param loop the loop whose tasks to list
     * @return a snapshot of the tasks of {@code loop} that are not done
     */
    public static List<Task<?>> pendingTasksOf(EventLoop loop) {
        List<Task<?>> pending = new ArrayList<>();
        synchronized (TASKS) {
            for (Task<?> task : TASKS.keySet()) {
                if (task != null && !task.done() && task.getLoop() == loop) {
                    pending.add(task);
                }
            }
        }
        return pending;
    }
}
