package org.jasyncio.testing;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jasyncio.Future;
import org.jasyncio.Task;

/**
 * What the compiler would generate for an {@code @Async} method that awaits a sequence of things,
 * each made from the previous one's value, written by hand so that ported asyncio coroutines with
 * several awaits ({@code await lock.acquire(); result.append(1); await sleep(0); ...}) run exactly
 * as user code would, independently of the compiler. A step that does not wait returns a done
 * future ({@link #DONE}); a step with a {@code try} around its await is an {@code @Async} call of
 * its own, awaited by its step. Call it on the running loop, as user code calls {@code @Async}
 * methods, or hand it to {@code createTask}. Built with {@link AwaitingBody}.
 */
public final class Steps {
    /** What a step that does not wait returns: awaiting it does not suspend. */
    public static final Task<Object> DONE = Task.completed(null);

    private Steps() {
    }

    /**
     * A step that does not wait: runs {@code action}, then the body goes on.
     *
     * @param action what the coroutine does between two awaits
     * @return the step
     */
    public static Function<Object, Object> then(Runnable action) {
        return v -> {
            action.run();
            return DONE;
        };
    }

    /**
     * <pre>{@code
     * @Async static Task<Object> inTurn(List<Function<Object, ?>> steps) {
     *     Object value = null;
     *     for (int i = 0; i < steps.size(); i++) value = await(steps.get(i).apply(value));   // line 3
     *     return Task.completed(value);
     * }
     * }</pre>
     *
     * @param steps each makes the next awaitable from the previous awaited value ({@code null} first)
     * @return the task of the body; its result is the last awaited value
     */
    @SafeVarargs
    public static Task<Object> inTurn(Function<Object, ?>... steps) {
        AwaitingBody body = AwaitingBody.posingAs("org.jasyncio.testing.Steps.inTurn(Steps.java)");
        for (Function<Object, ?> step : steps) {
            body.await(3, step);
        }
        return body.returningLast();
    }

    /**
     * asyncio's {@code async with lock: return await body()}:
     * <pre>{@code
     * @Async static Task<Object> holding(Supplier<? extends Future<?>> acquire, Runnable release, Supplier<?> body) {
     *     await(acquire.get());                                  // line 2
     *     try { return Task.completed(await(body.get())); }      // line 3
     *     finally { release.run(); }
     * }
     * }</pre>
     *
     * @param acquire starts acquiring the lock (condition, semaphore)
     * @param release releases it
     * @param body what to await holding it, made once it is held
     * @return the task of the body; its result is the body's value
     */
    public static Task<Object> holding(Supplier<? extends Future<?>> acquire, Runnable release, Supplier<?> body) {
        return AwaitingBody.posingAs("org.jasyncio.testing.Steps.holding(Steps.java)")
                .await(2, none -> acquire.get())
                .await(3, acquired -> body.get()).andFinally(release)
                .returningLast();
    }

    /**
     * asyncio's {@code try: v = await x except BaseException as e: return await onError(e) else:
     * return await onValue(v)}, the handler running in the step that resumed:
     * <pre>{@code
     * @Async static Task<Object> tryAwait(Object awaitable, Function<Object, ?> onValue, Function<Throwable, ?> onError) {
     *     Object next;
     *     try { next = onValue.apply(await(awaitable)); }    // line 4
     *     catch (Throwable t) { next = onError.apply(t); }
     *     return Task.completed(await(next));                 // line 6
     * }
     * }</pre>
     * (an exception {@code onValue} throws goes to {@code onError} too, which a port avoids by not throwing).
     *
     * @param awaitable what to await
     * @param onValue makes what to await next from the value
     * @param onError makes what to await next from the failure (may rethrow it)
     * @return the task of the body; its result is the last awaited value
     */
    public static Task<Object> tryAwait(Object awaitable, Function<Object, ?> onValue, Function<Throwable, ?> onError) {
        return AwaitingBody.posingAs("org.jasyncio.testing.Steps.tryAwait(Steps.java)")
                .await(4, none -> awaitable, Failed::new)
                .await(6, value -> {
                    if (value instanceof Failed failed) {
                        return onError.apply(failed.failure());
                    }
                    try {
                        return onValue.apply(value);
                    } catch (RuntimeException | Error e) {
                        return onError.apply(e);
                    }
                })
                .returningLast();
    }

    /** What the first await of {@link #tryAwait} failed with, for its handler in the next stage. */
    private record Failed(Throwable failure) {
    }
}
