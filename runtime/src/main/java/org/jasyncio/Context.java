package org.jasyncio;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

import org.jasyncio.internal.access.Access;

/**
 * Python's {@code contextvars.Context}: the values of {@link ContextVar}s that one task, callback or
 * thread sees. As in asyncio, a task made by {@code createTask}, {@code ensureFuture},
 * {@code TaskGroup.createTask} or {@code AsyncIO.run} runs every step in a copy of the context current
 * when it was made (or in the context given to it); an {@code @Async} method called inside a task runs
 * in that task's context; {@code callSoon}, {@code callLater}, {@code callAt}, {@code callSoonThreadsafe}
 * and done-callbacks run in a copy of the context current when they were scheduled.
 *
 * <p>A context holds an immutable mapping and replaces it on every {@link ContextVar#set}, so
 * {@link #copyContext()} and {@link #copy()} cost one small object whatever the context holds. A
 * context belongs to one thread at a time: use it on its loop's thread, or on the thread that runs it.
 *
 * <p>{@link #propagate(ThreadLocal)} makes a {@link ThreadLocal} (an MDC, a tracing span) follow tasks
 * and callbacks the same way.
 */
public final class Context {

    static {
        Access.install(new ContextHooks());
    }

    /** The values; replaced, never changed, by {@link ContextVar#set} and on leaving a step. */
    ContextData data;
    /** Whether some thread runs code in this context now: it may not be entered twice (asyncio's rule). */
    boolean entered;

    /** An empty context, as Python's {@code Context()}: every variable has its default in it. */
    public Context() {
        this(ContextData.EMPTY);
    }

    private Context(ContextData data) {
        this.data = data;
    }

    /**
     * asyncio's {@code copy_context()}: a copy of the context the caller runs in, with the current values
     * of the propagated {@link ThreadLocal}s.
     *
     * @return a new context holding the same values
     */
    public static Context copyContext() {
        return new Context(capturedData());
    }

    /**
     * What a task or callback scheduled now runs in: a copy of the current context, or {@code null} when
     * it is empty and nothing is propagated (the task then makes an empty one only if it needs one).
     */
    static Context forCallback() {
        ContextData captured = capturedData();
        return captured.isEmpty() && !Propagation.active() ? null : new Context(captured);
    }

    private static ContextData capturedData() {
        Context current = ContextState.ofThisThread().peek();
        ContextData captured = current == null ? ContextData.EMPTY : current.data;
        for (ThreadValue<?> value : Propagation.values()) {
            Object live = value.get();
            captured = captured.with(value, live == null ? ContextData.ABSENT : live);
        }
        return captured;
    }

    /**
     * A copy of this context: the same values, changed independently from now on.
     *
     * @return a new context
     */
    public Context copy() {
        return new Context(data);
    }

    /**
     * Runs {@code callable} in this context and returns its result: what it sets stays in this
     * context, and the caller's context is current again afterwards, whatever it threw (checked
     * exceptions too, undeclared, as {@code await} does).
     *
     * @param callable the code to run
     * @param <T> its result type
     * @return what {@code callable} returned
     * @throws IllegalStateException "cannot enter context: ... is already entered" if this context is
     *     current on some thread (asyncio's RuntimeError)
     */
    public <T> T run(Callable<T> callable) {
        Objects.requireNonNull(callable, "callable");
        ContextScope scope = ContextScope.enter(ContextState.ofThisThread(), this);
        try {
            return callable.call();
        } catch (Exception e) {
            throw Future.sneakyThrow(e);
        } finally {
            scope.leave();
        }
    }

    /**
     * {@link #run(Callable)} for code without a result.
     *
     * @param runnable the code to run
     * @throws IllegalStateException if this context is already entered
     */
    public void run(Runnable runnable) {
        Objects.requireNonNull(runnable, "runnable");
        run(() -> {
            runnable.run();
            return null;
        });
    }

    /**
     * The value of {@code var} in this context (Python's {@code ctx.get(var)}).
     *
     * @param var a variable
     * @param <T> its type
     * @return its value here, or {@code null} if it has none here (its default is not consulted)
     */
    public <T> T get(ContextVar<T> var) {
        return get(var, null);
    }

    /**
     * The value of {@code var} in this context, or {@code fallback}.
     *
     * @param var a variable
     * @param fallback what to return if {@code var} has no value here
     * @param <T> its type
     * @return its value here, or {@code fallback}
     */
    @SuppressWarnings("unchecked")
    public <T> T get(ContextVar<T> var, T fallback) {
        Object value = data.get(Objects.requireNonNull(var, "var"));
        return value == ContextData.ABSENT ? fallback : (T) value;
    }

    /**
     * Whether {@code var} has a value in this context (Python's {@code var in ctx}).
     *
     * @param var a variable
     * @return true if it was set here (or in the context this one copies)
     */
    public boolean containsKey(ContextVar<?> var) {
        return data.get(Objects.requireNonNull(var, "var")) != ContextData.ABSENT;
    }

    /** @return how many variables have a value in this context (Python's {@code len(ctx)}) */
    public int size() {
        return data.countVars();
    }

    /**
     * The variables set in this context and their values, in the order they were first set.
     *
     * @return an unmodifiable snapshot (later changes to the context do not show in it)
     */
    public Map<ContextVar<?>, Object> toMap() {
        Map<ContextVar<?>, Object> map = new LinkedHashMap<>();
        data.forEachVar(map::put);
        return Collections.unmodifiableMap(map);
    }

    /**
     * Makes {@code threadLocal} follow tasks and callbacks as a {@link ContextVar} does: each task and
     * callback gets the value the scheduling code saw, holds it during each of its steps (what a step
     * sets is still there after the next {@code await}), and the loop's thread holds its own value
     * between them. For the whole process; registering twice changes nothing.
     *
     * @param threadLocal e.g. the {@code ThreadLocal} behind a logging MDC or a request id
     */
    public static void propagate(ThreadLocal<?> threadLocal) {
        Objects.requireNonNull(threadLocal, "threadLocal");
        Propagation.add(new PropagatedThreadLocal<>(threadLocal));
    }

    /**
     * {@link #propagate(ThreadLocal)} for state behind another API (see {@link ThreadValue}).
     *
     * @param value how to read and set the state on the current thread
     */
    public static void propagate(ThreadValue<?> value) {
        Propagation.add(value);
    }

    /**
     * Stops {@link #propagate(ThreadLocal)}: tasks and callbacks scheduled from now on do not carry it.
     *
     * @param threadLocal a propagated thread-local
     * @return whether it was propagated
     */
    public static boolean stopPropagating(ThreadLocal<?> threadLocal) {
        return Propagation.remove(threadLocal);
    }

    /**
     * Stops {@link #propagate(ThreadValue)}.
     *
     * @param value a propagated value
     * @return whether it was propagated
     */
    public static boolean stopPropagating(ThreadValue<?> value) {
        return Propagation.remove(value);
    }

    /** E.g. {@code <Context vars=[request_id, user]>}. */
    @Override
    public String toString() {
        StringJoiner names = new StringJoiner(", ", "<Context vars=[", "]>");
        data.forEachVar((var, value) -> names.add(var.getName()));
        return names.toString();
    }
}
