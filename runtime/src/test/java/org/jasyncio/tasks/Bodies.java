package org.jasyncio.tasks;

import static org.jasyncio.AsyncIO.sleep;

import java.util.ArrayList;
import java.util.List;

import org.jasyncio.CancelledException;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;

/**
 * What the compiler would generate for a few {@code @Async} methods, written by hand in plain
 * Java so that the runtime side of docs/coroutine-protocol.md can be tested before (and
 * independently of) the compiler. Each method shows its source form in the javadoc.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class Bodies {
    private Bodies() {
    }

    /**
     * <pre>{@code
     * @Async static Task<List<Object>> awaitEach(List<Future<?>> fs) {
     *     List<Object> results = new ArrayList<>();
     *     for (int i = 0; i < fs.size(); i++) results.add(await(fs.get(i)));   // line 42
     *     return Task.completed(results);
     * }
     * }</pre>
     */
    static Task<List<Object>> awaitEach(List<? extends Future<?>> fs) {
        return awaitEach$async(fs, null);
    }

    private static final Coroutine.Resumer AWAIT_EACH = co -> awaitEach$async(null, co);

    private static Task awaitEach$async(List fs, Coroutine co) {
        try {
            List<Object> results;
            int i;
            boolean resuming = false;
            if (co == null) {
                if (!Coroutine.runsEagerly()) {
                    co = Coroutine.create(AWAIT_EACH, 2, 1, "org.jasyncio.tasks.Bodies.awaitEach(Bodies.java)");
                    co.refs[0] = fs;
                    co.startSoon();
                    return co;
                }
                results = new ArrayList<>();
                i = 0;
            } else if (co.state == 0) {
                fs = (List) co.refs[0];
                results = new ArrayList<>();
                i = 0;
            } else {
                fs = (List) co.refs[0];
                results = (List) co.refs[1];
                i = (int) co.prims[0];
                resuming = true;
            }
            for (; i < fs.size(); i++) {
                Object value;
                if (resuming) {
                    resuming = false;
                    value = co.resumeValue();
                } else {
                    Object awaited = fs.get(i);
                    if (Coroutine.isDone(awaited)) {
                        value = Coroutine.resultOf(awaited);
                    } else {
                        if (co == null) {
                            co = Coroutine.create(AWAIT_EACH, 2, 1, "org.jasyncio.tasks.Bodies.awaitEach(Bodies.java)");
                        }
                        co.refs[0] = fs;
                        co.refs[1] = results;
                        co.prims[0] = i;
                        co.suspendOn(awaited, 1, 42);
                        return co;
                    }
                }
                results.add(value);
            }
            return Coroutine.complete(Task.completed(results), co);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }

    /**
     * <pre>{@code
     * @Async static Task<Object> awaitOrElse(Object awaitable, Object onCancel) {
     *     try { return Task.completed(await(awaitable)); }                 // line 7
     *     catch (CancelledException e) { return Task.completed(onCancel); }
     * }
     * }</pre>
     */
    static Task<Object> awaitOrElse(Object awaitable, Object onCancel) {
        return awaitOrElse$async(awaitable, onCancel, null);
    }

    private static final Coroutine.Resumer AWAIT_OR_ELSE = co -> awaitOrElse$async(null, null, co);

    private static Task awaitOrElse$async(Object awaitable, Object onCancel, Coroutine co) {
        try {
            if (co == null) {
                if (!Coroutine.runsEagerly()) {
                    co = Coroutine.create(AWAIT_OR_ELSE, 2, 0, "org.jasyncio.tasks.Bodies.awaitOrElse(Bodies.java)");
                    co.refs[0] = awaitable;
                    co.refs[1] = onCancel;
                    co.startSoon();
                    return co;
                }
            } else {
                awaitable = co.refs[0];
                onCancel = co.refs[1];
            }
            try {
                Object value;
                if (co != null && co.state == 1) {
                    value = co.resumeValue();
                } else if (Coroutine.isDone(awaitable)) {
                    value = Coroutine.resultOf(awaitable);
                } else {
                    if (co == null) {
                        co = Coroutine.create(AWAIT_OR_ELSE, 2, 0, "org.jasyncio.tasks.Bodies.awaitOrElse(Bodies.java)");
                    }
                    co.refs[0] = awaitable;
                    co.refs[1] = onCancel;
                    co.suspendOn(awaitable, 1, 7);
                    return co;
                }
                return Coroutine.complete(Task.completed(value), co);
            } catch (CancelledException e) {
                return Coroutine.complete(Task.completed(onCancel), co);
            }
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }

    /**
     * <pre>{@code
     * @Async static Task<Object> awaitRecovering(Object awaitable, Function<Throwable, Object> recover) {
     *     try { return Task.completed(await(awaitable)); }                 // line 9
     *     catch (Throwable t) { return Task.completed(recover.apply(t)); } // recover may throw
     * }
     * }</pre>
     */
    static Task<Object> awaitRecovering(Object awaitable, java.util.function.Function<Throwable, Object> recover) {
        return awaitRecovering$async(awaitable, recover, null);
    }

    private static final Coroutine.Resumer AWAIT_RECOVERING = co -> awaitRecovering$async(null, null, co);

    @SuppressWarnings("unchecked")
    private static Task awaitRecovering$async(Object awaitable, java.util.function.Function<Throwable, Object> recover,
            Coroutine co) {
        try {
            if (co != null) {
                awaitable = co.refs[0];
                recover = (java.util.function.Function<Throwable, Object>) co.refs[1];
            }
            Object value;
            try {
                if (co != null && co.state == 1) {
                    value = co.resumeValue();
                } else if (Coroutine.isDone(awaitable)) {
                    value = Coroutine.resultOf(awaitable);
                } else {
                    if (co == null) {
                        co = Coroutine.create(AWAIT_RECOVERING, 2, 0,
                                "org.jasyncio.tasks.Bodies.awaitRecovering(Bodies.java)");
                    }
                    co.refs[0] = awaitable;
                    co.refs[1] = recover;
                    co.suspendOn(awaitable, 1, 9);
                    return co;
                }
            } catch (Throwable t) {
                value = recover.apply(t);
            }
            return Coroutine.complete(Task.completed(value), co);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }

    /**
     * <pre>{@code
     * @Async static Task<Object> awaitWithCleanup(Object awaitable, Supplier<?> cleanup) {
     *     try { return Task.completed(await(awaitable)); }   // line 11
     *     finally { await(cleanup.get()); }                   // line 12
     * }
     * }</pre>
     */
    static Task<Object> awaitWithCleanup(Object awaitable, java.util.function.Supplier<?> cleanup) {
        return awaitWithCleanup$async(awaitable, cleanup, null);
    }

    private static final Coroutine.Resumer AWAIT_WITH_CLEANUP = co -> awaitWithCleanup$async(null, null, co);
    private static final String AWAIT_WITH_CLEANUP_WHERE = "org.jasyncio.tasks.Bodies.awaitWithCleanup(Bodies.java)";

    @SuppressWarnings("unchecked")
    private static Task awaitWithCleanup$async(Object awaitable, java.util.function.Supplier<?> cleanup, Coroutine co) {
        try {
            Object value = null;
            Throwable thrown = null;
            if (co != null && co.state == 2) {
                value = co.refs[2];
                thrown = (Throwable) co.refs[3];
                co.resumeValue(); // the cleanup's exception replaces the body's, as a finally's does
            } else {
                if (co != null) {
                    awaitable = co.refs[0];
                    cleanup = (java.util.function.Supplier<?>) co.refs[1];
                }
                try {
                    if (co != null && co.state == 1) {
                        value = co.resumeValue();
                    } else if (Coroutine.isDone(awaitable)) {
                        value = Coroutine.resultOf(awaitable);
                    } else {
                        if (co == null) {
                            co = Coroutine.create(AWAIT_WITH_CLEANUP, 4, 0, AWAIT_WITH_CLEANUP_WHERE);
                        }
                        co.refs[0] = awaitable;
                        co.refs[1] = cleanup;
                        co.suspendOn(awaitable, 1, 11);
                        return co;
                    }
                } catch (Throwable t) {
                    thrown = t;
                }
                Object cleaning = cleanup.get();
                if (!Coroutine.isDone(cleaning)) {
                    if (co == null) {
                        co = Coroutine.create(AWAIT_WITH_CLEANUP, 4, 0, AWAIT_WITH_CLEANUP_WHERE);
                    }
                    co.refs[2] = value;
                    co.refs[3] = thrown;
                    co.suspendOn(cleaning, 2, 12);
                    return co;
                }
                Coroutine.resultOf(cleaning);
            }
            if (thrown != null) {
                throw thrown;
            }
            return Coroutine.complete(Task.completed(value), co);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }

    /**
     * <pre>{@code
     * @Async static Task<Integer> yieldMany(int n) {
     *     for (int i = 0; i < n; i++) await(sleep(0));       // line 3
     *     return Task.completed(n);
     * }
     * }</pre>
     */
    static Task<Integer> yieldMany(int n) {
        return yieldMany$async(n, null);
    }

    private static final Coroutine.Resumer YIELD_MANY = co -> yieldMany$async(0, co);

    private static Task yieldMany$async(int n, Coroutine co) {
        try {
            int i = 0;
            boolean resuming = false;
            if (co == null) {
                if (!Coroutine.runsEagerly()) {
                    co = Coroutine.create(YIELD_MANY, 0, 2, "org.jasyncio.tasks.Bodies.yieldMany(Bodies.java)");
                    co.prims[0] = n;
                    co.startSoon();
                    return co;
                }
            } else {
                n = (int) co.prims[0];
                if (co.state == 1) {
                    i = (int) co.prims[1];
                    resuming = true;
                }
            }
            for (; i < n; i++) {
                if (resuming) {
                    resuming = false;
                    co.resumeValue();
                    continue;
                }
                Future<Void> yielded = sleep(0);
                if (Coroutine.isDone(yielded)) {
                    Coroutine.resultOf(yielded);
                } else {
                    if (co == null) {
                        co = Coroutine.create(YIELD_MANY, 0, 2, "org.jasyncio.tasks.Bodies.yieldMany(Bodies.java)");
                    }
                    co.prims[0] = n;
                    co.prims[1] = i;
                    co.suspendOn(yielded, 1, 3);
                    return co;
                }
            }
            return Coroutine.complete(Task.completed(n), co);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }

    /**
     * <pre>{@code
     * @Async static Task<String> sleepTwice(double d) {
     *     await(sleep(d));                                   // line 2
     *     await(sleep(d));                                   // line 3
     *     return Task.completed("slept");
     * }
     * }</pre>
     */
    static Task<String> sleepTwice(double d) {
        return sleepTwice$async(d, null);
    }

    private static final Coroutine.Resumer SLEEP_TWICE = co -> sleepTwice$async(0, co);

    private static Task sleepTwice$async(double d, Coroutine co) {
        try {
            int resumeAt = -1;
            if (co == null) {
                if (!Coroutine.runsEagerly()) {
                    co = Coroutine.create(SLEEP_TWICE, 0, 1, "org.jasyncio.tasks.Bodies.sleepTwice(Bodies.java)");
                    co.prims[0] = Double.doubleToRawLongBits(d);
                    co.startSoon();
                    return co;
                }
            } else {
                d = Double.longBitsToDouble(co.prims[0]);
                resumeAt = co.state;
            }
            for (int point = 1; point <= 2; point++) {
                if (resumeAt == point) {
                    co.resumeValue();
                    continue;
                }
                if (resumeAt > point) {
                    continue;
                }
                Future<Void> nap = sleep(d);
                if (Coroutine.isDone(nap)) {
                    Coroutine.resultOf(nap);
                } else {
                    if (co == null) {
                        co = Coroutine.create(SLEEP_TWICE, 0, 1, "org.jasyncio.tasks.Bodies.sleepTwice(Bodies.java)");
                    }
                    co.prims[0] = Double.doubleToRawLongBits(d);
                    co.suspendOn(nap, point, point + 1);
                    return co;
                }
            }
            return Coroutine.complete(Task.completed("slept"), co);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }

    /**
     * <pre>{@code
     * @Async static Task<T> returnTask(Task<T> other) { return other; }
     * }</pre>
     * A body that never suspends: it allocates nothing of the runtime's.
     */
    static <T> Task<T> returnTask(Task<T> other) {
        return (Task<T>) Coroutine.complete(other, null);
    }

    /** The @Async body {@code throw failure;}, which never suspends. */
    static Task<Object> throwing(RuntimeException failure) {
        try {
            throw failure;
        } catch (Throwable t) {
            return (Task<Object>) Coroutine.fail(t, null);
        }
    }
}
