package org.jasyncio;

import java.lang.ref.Cleaner;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report a future owes if it is garbage-collected with an outcome nobody saw: an
 * exception never retrieved, or (for tasks, in debug mode) a task still pending. The
 * {@link Cleaner} action holds this object, never the future, so the future stays
 * collectable; the future settles the report when its outcome is seen or no longer matters.
 * Registered only when needed, so the happy path allocates nothing. An armed exception report
 * is also owed to its loop ({@link OwedReports}), which sends it when it closes if the collector
 * has not; either way it is sent once. A task's report reaches the exception handler in (a copy of)
 * the task's context, as asyncio's does since python/cpython#96704, so a handler reading context
 * variables (a request id for the log) sees the failed task's values.
 */
final class LostOutcome implements Runnable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final EventLoop loop;
    private volatile String message;
    private volatile Throwable exception;
    private volatile String subject;
    /** The failed task's context, or null: the handler runs in a copy of it. */
    private volatile Context context;
    /** Guarded by this: set once the report was sent or is no longer owed. */
    private boolean settled;

    private LostOutcome(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * Watches a future that just failed for the "exception was never retrieved" report. On its
     * loop's own running thread the report is only armed if the exception is still unseen after
     * the next iteration ({@link FailureWatch}), since an awaiting task retrieves it then; elsewhere
     * it is armed at once.
     */
    static void watchException(Future<?> future, Throwable exception) {
        EventLoop loop = future.loop != null ? future.loop : org.jasyncio.CurrentLoop.running();
        if (loop == null) {
            return;
        }
        if (loop.isRunningOnCurrentThread()) {
            loop.failureWatch.add(future);
            return;
        }
        arm(future, exception, loop);
    }

    /** Registers (or re-arms) the report of {@code future}, failed with {@code exception}. */
    static void arm(Future<?> future, Throwable exception, EventLoop loop) {
        LostOutcome report = future.lostOutcome;
        if (report == null) {
            report = new LostOutcome(loop);
            future.lostOutcome = report;
            CLEANER.register(future, report);
        }
        report.exception = exception;
        report.subject = future.toString();
        report.message = (future instanceof Task ? "Task" : "Future") + " exception was never retrieved";
        report.context = future instanceof Task ? ((Task<?>) future).getContext() : null;
        synchronized (report) {
            report.settled = false;
        }
        loop.owedReports.add(report);
    }

    /** Arms the "destroyed but it is pending" report for a task that suspends. */
    static void watchPending(Task<?> task) {
        if (task.lostOutcome != null) {
            return;
        }
        LostOutcome report = new LostOutcome(task.loop);
        report.message = "Task was destroyed but it is pending!";
        report.subject = task.toString();
        task.lostOutcome = report;
        CLEANER.register(task, report);
    }

    /** The outcome was seen (or the task finished without failing): nothing to report. */
    void settle() {
        claim();
    }

    /** @return whether the report was still owed; it no longer is */
    private boolean claim() {
        synchronized (this) {
            if (settled) {
                return false;
            }
            settled = true;
        }
        loop.owedReports.remove(this);
        return true;
    }

    /**
     * Sends the report if it is still owed. Runs on the cleaner's thread, as asyncio's
     * {@code __del__} runs wherever the collector does, or in {@link EventLoop#close()}; the
     * handler only reports.
     */
    @Override
    public void run() {
        if (!claim()) {
            return;
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", message);
        Throwable failure = exception;
        if (failure != null) {
            context.put("exception", failure);
        }
        context.put(message.startsWith("Task") ? "task" : "future", subject);
        Context where = this.context;
        if (where == null) {
            loop.callExceptionHandler(context);
        } else {
            // a copy: the task's own context may be current elsewhere, and may be entered only once at a time
            where.copy().run(() -> loop.callExceptionHandler(context));
        }
    }
}
