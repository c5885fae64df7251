package org.jasyncio;

import org.jasyncio.internal.loop.CallbackDescription;

/**
 * A callback scheduled on an {@link EventLoop} by {@link EventLoop#callSoon} or
 * {@link EventLoop#callSoonThreadsafe}. Keep it to {@link #cancel()} the callback before it runs.
 * Its {@code toString()} names the callback and, in debug mode, the line of user code that scheduled
 * it, e.g. {@code <Handle lambda in Server created at Server.java:42>}.
 */
public class Handle {

    private final String createdAt;
    /** A copy of the context current when the callback was scheduled, or {@code null} if it was empty. */
    private final Context context;
    private Runnable callback;
    private boolean cancelled;

    Handle(Runnable callback, String createdAt, Context context) {
        this.callback = callback;
        this.createdAt = createdAt;
        this.context = context;
    }

    /**
     * Cancels the callback: if it has not run yet it never will. Does nothing if already cancelled or
     * run. Call it on the loop's thread (use {@code loop.callSoonThreadsafe(handle::cancel)} from
     * others).
     */
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            callback = null;
            onCancel();
        }
    }

    /** True once {@link #cancel()} was called. */
    public boolean cancelled() {
        return cancelled;
    }

    void onCancel() {
    }

    /** Runs the callback in its context, on the loop's thread whose context state is {@code state}. */
    void runCallback(ContextState state) {
        Runnable toRun = callback;
        if (toRun == null) {
            return;
        }
        if (context == null && !Propagation.active()) {
            toRun.run();
            return;
        }
        // with propagation on, even a callback scheduled from an empty context must not see the loop thread's values
        ContextScope scope = ContextScope.enterStep(state, context != null ? context : new Context());
        try {
            toRun.run();
        } finally {
            scope.leave();
        }
    }

    Runnable callback() {
        return callback;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("<").append(getClass().getSimpleName());
        if (cancelled) {
            text.append(" cancelled");
        }
        describeTiming(text);
        Runnable current = callback;
        if (current != null) {
            text.append(' ').append(CallbackDescription.of(current));
        }
        if (createdAt != null) {
            text.append(" created at ").append(createdAt);
        }
        return text.append('>').toString();
    }

    void describeTiming(StringBuilder text) {
    }
}
