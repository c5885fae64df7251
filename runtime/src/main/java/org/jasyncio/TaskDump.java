package org.jasyncio;

import java.util.List;
import java.util.stream.Collectors;

import org.jasyncio.internal.access.Access;

/** The text of {@link Task#printStack} and {@link EventLoop#dumpTasks()}. */
final class TaskDump {
    private TaskDump() {
    }

    /**
     * The pending tasks of {@code pending}, oldest first, each with its stack. An {@code @Async} call
     * that runs as a part of another task is not a task of its own: its frames are in that task's stack.
     */
    static String of(List<Task<?>> pending) {
        List<Task<?>> tasks = pending.stream()
                .filter(task -> !Access.coroutines().runsInAnotherTask(task))
                .collect(Collectors.toList());
        StringBuilder text = new StringBuilder();
        text.append(tasks.size()).append(tasks.size() == 1 ? " pending task" : " pending tasks")
                .append(tasks.isEmpty() ? "\n" : ":\n");
        for (int i = tasks.size() - 1; i >= 0; i--) {
            text.append(stackOf(tasks.get(i)));
        }
        return text.toString();
    }

    /** "Stack for <Task ...>:", a line per frame, and what the task awaits. */
    static String stackOf(Task<?> task) {
        List<StackTraceElement> frames = task.getStack();
        if (frames.isEmpty() && task.getAwaited() == null) {
            return "No stack for " + task + "\n";
        }
        StringBuilder text = new StringBuilder("Stack for ").append(task).append(":\n");
        for (StackTraceElement frame : frames) {
            text.append("    at ").append(frame).append('\n');
        }
        Future<?> awaited = task.getAwaited();
        if (awaited != null) {
            text.append("    awaiting ").append(awaited).append('\n');
        }
        return text.toString();
    }
}
