package org.jasyncio.fuzz.program;

import java.util.ArrayList;
import java.util.List;
import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;

/**
 * What a generated program observes of the runtime besides values, shown the same way in both
 * twins: the task it runs as, and the suppressed exceptions and stack frames of a failure. The
 * reference has no tasks: where the async twin shows {@link #task}, it shows {@link #TASK}.
 */
public final class Probe {

    /** What {@link #task} shows when the program runs as its own task, as the reference always does. */
    public static final String TASK = "task";
    /** The packages' prefix of the twins' program classes: {@code fz.A$P3}, {@code fz.S$P3$H}. */
    private static final String[] TWINS = {"fz.A$", "fz.S$"};

    private Probe() {
    }

    /**
     * The task running now, as the program's own task (the one {@link Log#root} names, made by
     * {@code createTask} or by the call that started it) should see it before and after every
     * await: {@value #TASK}; else "no task" or the other task.
     */
    public static String task(Log log) {
        log.reached(Feature.CURRENT_TASK);
        Task<?> current = AsyncIO.currentTask();
        if (current == null) {
            return "no task";
        }
        return current == log.root() ? TASK : "another task: " + current;
    }

    /** Checks, in a loop callback, that no task is current: a callback runs outside every task. */
    public static String outsideTasks() {
        Task<?> current = AsyncIO.currentTask();
        return current == null ? null : "currentTask() in a callback is " + current;
    }

    /**
     * Adds {@code suppressed} to {@code failure}, unless it is a cancellation: every await of a
     * cancelled task throws a new one (as asyncio's do), so what a cancellation carries stops at
     * the first await in the async twin, not in the reference.
     */
    public static void suppress(Exception failure, Exception suppressed) {
        if (!(failure instanceof CancelledException)) {
            failure.addSuppressed(suppressed);
        }
    }

    /** {@code ""}, or the suppressed exceptions of {@code failure} as {@code " suppressed [Class: message, ...]"}. */
    public static String suppressed(Throwable failure) {
        Throwable[] suppressed = failure.getSuppressed();
        if (suppressed.length == 0) {
            return "";
        }
        List<String> shown = new ArrayList<>();
        for (Throwable each : suppressed) {
            shown.add(each.getClass().getSimpleName() + ": " + each.getMessage());
        }
        return " suppressed " + shown;
    }

    /**
     * The frames of {@code failure}'s stack trace in the program's own classes, innermost first,
     * as {@code P3.m2:41} (the twins' sources put every program at the same lines), and its
     * suppressed exceptions.
     */
    public static String failure(Throwable failure) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : failure.getStackTrace()) {
            for (String twin : TWINS) {
                if (frame.getClassName().startsWith(twin)) {
                    frames.add(frame.getClassName().substring(twin.length()) + "." + frame.getMethodName() + ":"
                            + frame.getLineNumber());
                }
            }
        }
        return "at " + frames + suppressed(failure);
    }
}
