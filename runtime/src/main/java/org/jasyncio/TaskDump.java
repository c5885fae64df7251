package org.jasyncio;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jasyncio.internal.access.Access;

/** The text of {@link Task#printStack} and {@link EventLoop#dumpTasks()}. */
final class TaskDump {
    private TaskDump() {
    }

    /**
     * The pending tasks of {@code pending}, oldest first, as asyncio's call graph: each task with the
     * frames it is suspended at itself, what it awaits, and which tasks await it. An {@code @Async}
     * call that runs as a part of another task is not a task of its own: its frames are that task's.
     */
    static String of(List<Task<?>> pending) {
        return graphOf(ownTasks(pending));
    }

    /** The tasks of {@code pending} that are tasks of their own: the nodes of the graph. */
    static List<Task<?>> ownTasks(List<Task<?>> pending) {
        return pending.stream()
                .filter(task -> !Access.coroutines().runsInAnotherTask(task))
                .collect(Collectors.toList());
    }

    /** {@link #of}, for the tasks {@link #ownTasks} chose. */
    static String graphOf(List<Task<?>> tasks) {
        Map<Task<?>, Task<?>> awaitedTask = new IdentityHashMap<>();
        Map<Task<?>, List<Task<?>>> awaitedBy = new IdentityHashMap<>();
        for (Task<?> task : tasks) {
            Task<?> awaited = awaitedTask(task, tasks);
            if (awaited != null) {
                awaitedTask.put(task, awaited);
            }
            for (Task<?> child : awaitedTasks(task, awaited, tasks)) {
                awaitedBy.computeIfAbsent(child, k -> new ArrayList<>()).add(task);
            }
        }
        StringBuilder text = new StringBuilder();
        text.append(tasks.size()).append(tasks.size() == 1 ? " pending task" : " pending tasks")
                .append(tasks.isEmpty() ? "\n" : ":\n");
        for (int i = tasks.size() - 1; i >= 0; i--) {
            Task<?> task = tasks.get(i);
            text.append(nodeOf(task, awaitedTask.get(task)));
            for (Task<?> waiter : awaitedBy.getOrDefault(task, List.of())) {
                text.append("    awaited by ").append(waiter).append('\n');
            }
        }
        return text.toString();
    }

    /** "Stack for <Task ...>:", a line per frame, and what the task awaits. */
    static String stackOf(Task<?> task) {
        return nodeOf(task, null);
    }

    /** {@link #stackOf}, with the frames of {@code awaited} (a task of its own) left to its own entry. */
    private static String nodeOf(Task<?> task, Task<?> awaited) {
        List<StackTraceElement> frames = task.getStack();
        Future<?> waitsFor = task.getAwaited();
        if (awaited != null) {
            frames = frames.subList(awaited.getStack().size(), frames.size());
            waitsFor = awaited;
        }
        if (frames.isEmpty() && waitsFor == null) {
            return "No stack for " + task + "\n";
        }
        StringBuilder text = new StringBuilder("Stack for ").append(task).append(":\n");
        for (StackTraceElement frame : frames) {
            text.append("    at ").append(frame).append('\n');
        }
        if (waitsFor != null) {
            text.append("    awaiting ").append(waitsFor).append('\n');
        }
        return text.toString();
    }

    /** The first task of {@code listed} down {@code task}'s await chain, or {@code null}. */
    private static Task<?> awaitedTask(Task<?> task, List<Task<?>> listed) {
        List<Task<?>> chain = task.awaitChain();
        for (int i = 1; i < chain.size(); i++) {
            if (listed.contains(chain.get(i))) {
                return chain.get(i);
            }
        }
        return null;
    }

    /** The tasks of {@code listed} that {@code task} waits for: the one down its await chain, or those it gathers. */
    private static List<Task<?>> awaitedTasks(Task<?> task, Task<?> awaited, List<Task<?>> listed) {
        if (awaited != null) {
            return List.of(awaited);
        }
        List<Task<?>> gathered = new ArrayList<>();
        if (task.getAwaited() instanceof Gathering) {
            for (Future<?> child : ((Gathering) task.getAwaited()).children()) {
                if (child instanceof Task && listed.contains(child) && !gathered.contains(child)) {
                    gathered.add((Task<?>) child);
                }
            }
        }
        return gathered;
    }
}
