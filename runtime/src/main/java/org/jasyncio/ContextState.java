package org.jasyncio;

import org.jasyncio.internal.access.Access;

/**
 * Which {@link Context} the code on one thread runs in: asyncio's per-thread current context. A task
 * step or callback that carries a context enters it ({@link #entered}); a step of a task whose context
 * was never needed enters nothing, and its context is made the first time a {@link ContextVar} is set
 * in it, so a task that never uses one pays for no context at all.
 */
final class ContextState {

    private static final ThreadLocal<ContextState> STATES = ThreadLocal.withInitial(ContextState::new);

    /** The context entered on this thread (by a step, a callback or {@link Context#run}), or {@code null}. */
    Context entered;
    /** The loop running on this thread, or {@code null}: while it runs, its current task's context is current. */
    EventLoop loop;
    /** The thread's own context, for code outside any loop, made on first use. */
    private Context own;
    /** What task steps and loop callbacks enter their contexts with, made on first use. */
    private ContextScope stepScope;

    private ContextState() {
    }

    static ContextState ofThisThread() {
        return STATES.get();
    }

    /** The context code on this thread runs in now, made if it does not exist yet. */
    Context current() {
        Context context = peek();
        if (context != null) {
            return context;
        }
        if (loop == null) {
            own = new Context();
            return own;
        }
        Task<?> task = loop.currentTask();
        if (task != null) {
            return Access.coroutines().context(task);
        }
        // a callback scheduled from an empty context: what it sets is its own, and EventLoop drops it after it
        entered = new Context();
        return entered;
    }

    /** The current context if it exists, without making one. */
    Context peek() {
        if (entered != null) {
            return entered;
        }
        if (loop == null) {
            return own;
        }
        Task<?> task = loop.currentTask();
        return task == null ? null : Access.coroutines().peekContext(task);
    }

    ContextScope stepScope() {
        if (stepScope == null) {
            stepScope = ContextScope.reusable(this);
        }
        return stepScope;
    }

    /** Marks the start of {@code running} on this thread; returns what {@link #leaveLoop} restores. */
    Context enterLoop(EventLoop running) {
        Context outside = entered;
        loop = running;
        entered = null;
        return outside;
    }

    void leaveLoop(Context outside) {
        loop = null;
        entered = outside;
    }

    /** After each callback of the loop: drops the context a callback made for itself (see {@link #current()}). */
    void afterCallback() {
        if (entered != null) {
            entered = null;
        }
    }
}
