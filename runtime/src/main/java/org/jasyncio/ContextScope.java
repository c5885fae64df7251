package org.jasyncio;

import java.util.Arrays;
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
    private Context context;
    private Context previous;
    private ThreadValue<?>[] values;
    /** The thread's own value of each of {@link #values}, to give back; reused by the next entry. */
    private Object[] threadOwn;
    /** The reusable scope of a step that runs inside this one's ({@link #enterStep}). */
    private ContextScope inner;

    private ContextScope(ContextState state) {
        this.state = state;
    }

    /** The scope {@link #enterStep} reuses on the thread {@code state} belongs to. */
    static ContextScope reusable(ContextState state) {
        return new ContextScope(state);
    }

    /**
     * Enters {@code context} for {@link Context#run}, which may nest: a scope of its own.
     *
     * @throws IllegalStateException if {@code context} is entered already (asyncio's RuntimeError)
     */
    static ContextScope enter(ContextState state, Context context) {
        return new ContextScope(state).begin(context);
    }

    /**
     * Enters {@code context} for a task step or a loop callback. Those nest only where an async
     * generator's producer step runs inside its consumer's {@code hasNext()}, so the thread keeps one
     * reusable scope per level of nesting and a step allocates nothing.
     *
     * @throws IllegalStateException if {@code context} is entered already
     */
    static ContextScope enterStep(ContextState state, Context context) {
        ContextScope scope = state.stepScope();
        while (scope.context != null) {
            if (scope.inner == null) {
                scope.inner = new ContextScope(state);
            }
            scope = scope.inner;
        }
        return scope.begin(context);
    }

    private ContextScope begin(Context entering) {
        if (entering.entered || state.peek() == entering) {
            throw new IllegalStateException("cannot enter context: " + entering + " is already entered");
        }
        context = entering;
        previous = state.entered;
        values = Propagation.values();
        if (values.length != 0 && (threadOwn == null || threadOwn.length < values.length)) {
            threadOwn = new Object[values.length];
        }
        entering.entered = true;
        state.entered = entering;
        for (int i = 0; i < values.length; i++) {
            ThreadValue<?> value = values[i];
            Object own = value.get();
            threadOwn[i] = own;
            Object carried = entering.data.get(value);
            carried = carried == ContextData.ABSENT ? null : carried;
            if (!Objects.equals(carried, own)) {
                set(value, carried);
            }
        }
        return this;
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
        if (values.length != 0) {
            // a reused scope must not keep the thread's values alive
            Arrays.fill(threadOwn, 0, values.length, null);
        }
        context.entered = false;
        state.entered = previous;
        context = null;
        previous = null;
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
