package org.jasyncio;

import java.util.Objects;

/**
 * One entry into a {@link Context} on one thread, for a task step, a callback or {@link Context#run}:
 * makes it the thread's current context and gives each propagated {@link ThreadValue} the context's
 * value; {@link #leave()} writes the values the code left back into the context (so a task sees after
 * an {@code await} what it set before it) and gives the thread its own values back (Kotlin's
 * {@code updateThreadContext}/{@code restoreThreadContext}). Values are compared with {@code equals},
 * so an accessor that answers a fresh copy each time (Micrometer's MDC accessor does) is not set and
 * restored for nothing.
 */
final class ContextScope {

    private final ContextState state;
    private final Context context;
    private final Context previous;
    private final ThreadValue<?>[] values;
    /** The thread's own value of each of {@link #values}, to give back. */
    private final Object[] threadOwn;

    private ContextScope(ContextState state, Context context) {
        this.state = state;
        this.context = context;
        this.previous = state.entered;
        this.values = Propagation.values();
        this.threadOwn = values.length == 0 ? null : new Object[values.length];
    }

    /**
     * Enters {@code context} on the thread {@code state} belongs to.
     *
     * @throws IllegalStateException if {@code context} is entered already (asyncio's RuntimeError)
     */
    static ContextScope enter(ContextState state, Context context) {
        if (context.entered || state.peek() == context) {
            throw new IllegalStateException("cannot enter context: " + context + " is already entered");
        }
        ContextScope scope = new ContextScope(state, context);
        context.entered = true;
        state.entered = context;
        for (int i = 0; i < scope.values.length; i++) {
            ThreadValue<?> value = scope.values[i];
            Object own = value.get();
            scope.threadOwn[i] = own;
            Object carried = context.data.get(value);
            carried = carried == ContextData.ABSENT ? null : carried;
            if (!Objects.equals(carried, own)) {
                set(value, carried);
            }
        }
        return scope;
    }

    void leave() {
        for (int i = 0; i < values.length; i++) {
            ThreadValue<?> value = values[i];
            Object left = value.get();
            Object held = context.data.get(value);
            if (!Objects.equals(left, held == ContextData.ABSENT ? null : held)) {
                context.data = context.data.with(value, left == null ? ContextData.ABSENT : left);
            }
            if (!Objects.equals(left, threadOwn[i])) {
                restore(value, threadOwn[i]);
            }
        }
        context.entered = false;
        state.entered = previous;
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(ThreadValue<T> value, Object v) {
        value.set((T) v);
    }

    @SuppressWarnings("unchecked")
    private static <T> void restore(ThreadValue<T> value, Object v) {
        value.restore((T) v);
    }
}
