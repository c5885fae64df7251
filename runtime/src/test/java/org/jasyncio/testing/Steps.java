package org.jasyncio.testing;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;

/**
 * What the compiler would generate for an {@code @Async} method that awaits a sequence of things,
 * each made from the previous one's value, written by hand so that ported asyncio coroutines with
 * several awaits ({@code await lock.acquire(); result.append(1); await sleep(0); ...}) run exactly
 * as user code would, independently of the compiler. A step that does not wait returns a done
 * future ({@link #DONE}); a step with a {@code try} around its await is an {@code @Async} call of
 * its own, awaited by its step. Call it on the running loop, as user code calls {@code @Async}
 * methods, or hand it to {@code createTask}.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
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
        return inTurn$async(List.of(steps), null);
    }

    private static final Coroutine.Resumer IN_TURN = co -> inTurn$async(null, co);
    private static final String WHERE = "org.jasyncio.testing.Steps.inTurn(Steps.java)";

    private static Task inTurn$async(List steps, Coroutine co) {
        try {
            Object value = null;
            int i = 0;
            boolean resuming = false;
            if (co == null) {
                if (!Coroutine.runsEagerly()) {
                    co = HandWritten.create(IN_TURN, 2, WHERE, 3);
                    HandWritten.slots(co)[0] = steps;
                    co.startSoon();
                    return co;
                }
            } else {
                steps = (List) HandWritten.slots(co)[0];
                if (co.state == 1) {
                    i = (int) HandWritten.slots(co)[1];
                    resuming = true;
                }
            }
            for (; i < steps.size(); i++) {
                if (resuming) {
                    resuming = false;
                    value = co.resumeValue();
                    continue;
                }
                Object awaited = ((Function) steps.get(i)).apply(value);
                if (Coroutine.isDone(awaited)) {
                    value = Coroutine.resultOf(awaited);
                } else {
                    if (co == null) {
                        co = HandWritten.create(IN_TURN, 2, WHERE, 3);
                    }
                    HandWritten.slots(co)[0] = steps;
                    HandWritten.slots(co)[1] = i;
                    co.suspendOn(awaited, 1);
                    return co;
                }
            }
            return Coroutine.complete(Task.completed(value), co);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
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
        return holding$async(acquire, release, body, null);
    }

    private static final Coroutine.Resumer HOLDING = co -> holding$async(null, null, null, co);
    private static final String HOLDING_WHERE = "org.jasyncio.testing.Steps.holding(Steps.java)";

    private static Task holding$async(Supplier acquire, Runnable release, Supplier body, Coroutine co) {
        try {
            if (co == null && !Coroutine.runsEagerly()) {
                co = HandWritten.create(HOLDING, 3, HOLDING_WHERE, 2, 3);
                HandWritten.slots(co)[0] = acquire;
                HandWritten.slots(co)[1] = release;
                HandWritten.slots(co)[2] = body;
                co.startSoon();
                return co;
            }
            if (co != null) {
                acquire = (Supplier) HandWritten.slots(co)[0];
                release = (Runnable) HandWritten.slots(co)[1];
                body = (Supplier) HandWritten.slots(co)[2];
            }
            if (co == null || co.state == 0) {
                Object acquiring = acquire.get();
                if (Coroutine.isDone(acquiring)) {
                    Coroutine.resultOf(acquiring);
                } else {
                    co = suspend(co, acquire, release, body, acquiring, 1, 2);
                    return co;
                }
            } else if (co.state == 1) {
                co.resumeValue();
            }
            Object value;
            try {
                if (co != null && co.state == 2) {
                    value = co.resumeValue();
                } else {
                    Object awaited = body.get();
                    if (Coroutine.isDone(awaited)) {
                        value = Coroutine.resultOf(awaited);
                    } else {
                        co = suspend(co, acquire, release, body, awaited, 2, 3);
                        return co;
                    }
                }
            } catch (Throwable t) {
                release.run();
                throw t;
            }
            release.run();
            return Coroutine.complete(Task.completed(value), co);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }

    private static Coroutine suspend(Coroutine co, Supplier acquire, Runnable release, Supplier body, Object awaited,
            int state, int line) {
        if (co == null) {
            co = HandWritten.create(HOLDING, 3, HOLDING_WHERE, 2, 3);
        }
        HandWritten.slots(co)[0] = acquire;
        HandWritten.slots(co)[1] = release;
        HandWritten.slots(co)[2] = body;
        co.suspendOn(awaited, state);
        return co;
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
        return tryAwait$async(awaitable, onValue, onError, null);
    }

    private static final Coroutine.Resumer TRY_AWAIT = co -> tryAwait$async(null, null, null, co);
    private static final String TRY_AWAIT_WHERE = "org.jasyncio.testing.Steps.tryAwait(Steps.java)";

    private static Task tryAwait$async(Object awaitable, Function onValue, Function onError, Coroutine co) {
        try {
            Object next;
            if (co != null && co.state == 2) {
                return Coroutine.complete(Task.completed(co.resumeValue()), co);
            }
            if (co != null) {
                onValue = (Function) HandWritten.slots(co)[0];
                onError = (Function) HandWritten.slots(co)[1];
            }
            try {
                Object value;
                if (co != null && co.state == 1) {
                    value = co.resumeValue();
                } else if (Coroutine.isDone(awaitable)) {
                    value = Coroutine.resultOf(awaitable);
                } else {
                    if (co == null) {
                        co = HandWritten.create(TRY_AWAIT, 2, TRY_AWAIT_WHERE, 4, 6);
                    }
                    HandWritten.slots(co)[0] = onValue;
                    HandWritten.slots(co)[1] = onError;
                    co.suspendOn(awaitable, 1);
                    return co;
                }
                next = onValue.apply(value);
            } catch (Throwable t) {
                next = onError.apply(t);
            }
            if (Coroutine.isDone(next)) {
                return Coroutine.complete(Task.completed(Coroutine.resultOf(next)), co);
            }
            if (co == null) {
                co = HandWritten.create(TRY_AWAIT, 2, TRY_AWAIT_WHERE, 4, 6);
            }
            co.suspendOn(next, 2);
            return co;
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }
}
