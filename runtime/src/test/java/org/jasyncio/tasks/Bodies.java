package org.jasyncio.tasks;

import static org.jasyncio.AsyncIO.sleep;

import java.util.ArrayList;
import java.util.List;

import org.jasyncio.CancelledException;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;
import org.jasyncio.testing.HandWritten;

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
                    co = HandWritten.create(AWAIT_EACH, 3, "org.jasyncio.tasks.Bodies.awaitEach(Bodies.java)", 42);
                    HandWritten.slots(co)[0] = fs;
                    co.startSoon();
                    return co;
                }
                results = new ArrayList<>();
                i = 0;
            } else if (co.state == 0) {
                fs = (List) HandWritten.slots(co)[0];
                results = new ArrayList<>();
                i = 0;
            } else {
                fs = (List) HandWritten.slots(co)[0];
                results = (List) HandWritten.slots(co)[1];
                i = (int) HandWritten.slots(co)[2];
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
                            co = HandWritten.create(AWAIT_EACH, 3, "org.jasyncio.tasks.Bodies.awaitEach(Bodies.java)", 42);
                        }
                        HandWritten.slots(co)[0] = fs;
                        HandWritten.slots(co)[1] = results;
                        HandWritten.slots(co)[2] = i;
                        co.suspendOn(awaited, 1);
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
                    co = HandWritten.create(AWAIT_OR_ELSE, 2, "org.jasyncio.tasks.Bodies.awaitOrElse(Bodies.java)", 7);
                    HandWritten.slots(co)[0] = awaitable;
                    HandWritten.slots(co)[1] = onCancel;
                    co.startSoon();
                    return co;
                }
            } else {
                awaitable = HandWritten.slots(co)[0];
                onCancel = HandWritten.slots(co)[1];
            }
            try {
                Object value;
                if (co != null && co.state == 1) {
                    value = co.resumeValue();
                } else if (Coroutine.isDone(awaitable)) {
                    value = Coroutine.resultOf(awaitable);
                } else {
                    if (co == null) {
                        co = HandWritten.create(AWAIT_OR_ELSE, 2, "org.jasyncio.tasks.Bodies.awaitOrElse(Bodies.java)", 7);
                    }
                    HandWritten.slots(co)[0] = awaitable;
                    HandWritten.slots(co)[1] = onCancel;
                    co.suspendOn(awaitable, 1);
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
                awaitable = HandWritten.slots(co)[0];
                recover = (java.util.function.Function<Throwable, Object>) HandWritten.slots(co)[1];
            }
            Object value;
            try {
                if (co != null && co.state == 1) {
                    value = co.resumeValue();
                } else if (Coroutine.isDone(awaitable)) {
                    value = Coroutine.resultOf(awaitable);
                } else {
                    if (co == null) {
                        co = HandWritten.create(AWAIT_RECOVERING, 2,
                                "org.jasyncio.tasks.Bodies.awaitRecovering(Bodies.java)", 9);
                    }
                    HandWritten.slots(co)[0] = awaitable;
                    HandWritten.slots(co)[1] = recover;
                    co.suspendOn(awaitable, 1);
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
                value = HandWritten.slots(co)[2];
                thrown = (Throwable) HandWritten.slots(co)[3];
                co.resumeValue(); // the cleanup's exception replaces the body's, as a finally's does
            } else {
                if (co != null) {
                    awaitable = HandWritten.slots(co)[0];
                    cleanup = (java.util.function.Supplier<?>) HandWritten.slots(co)[1];
                }
                try {
                    if (co != null && co.state == 1) {
                        value = co.resumeValue();
                    } else if (Coroutine.isDone(awaitable)) {
                        value = Coroutine.resultOf(awaitable);
                    } else {
                        if (co == null) {
                            co = HandWritten.create(AWAIT_WITH_CLEANUP, 4, AWAIT_WITH_CLEANUP_WHERE, 11, 12);
                        }
                        HandWritten.slots(co)[0] = awaitable;
                        HandWritten.slots(co)[1] = cleanup;
                        co.suspendOn(awaitable, 1);
                        return co;
                    }
                } catch (Throwable t) {
                    thrown = t;
                }
                Object cleaning = cleanup.get();
                if (!Coroutine.isDone(cleaning)) {
                    if (co == null) {
                        co = HandWritten.create(AWAIT_WITH_CLEANUP, 4, AWAIT_WITH_CLEANUP_WHERE, 11, 12);
                    }
                    HandWritten.slots(co)[2] = value;
                    HandWritten.slots(co)[3] = thrown;
                    co.suspendOn(cleaning, 2);
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
                    co = HandWritten.create(YIELD_MANY, 2, "org.jasyncio.tasks.Bodies.yieldMany(Bodies.java)", 3);
                    HandWritten.slots(co)[0] = n;
                    co.startSoon();
                    return co;
                }
            } else {
                n = (int) HandWritten.slots(co)[0];
                if (co.state == 1) {
                    i = (int) HandWritten.slots(co)[1];
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
                        co = HandWritten.create(YIELD_MANY, 2, "org.jasyncio.tasks.Bodies.yieldMany(Bodies.java)", 3);
                    }
                    HandWritten.slots(co)[0] = n;
                    HandWritten.slots(co)[1] = i;
                    co.suspendOn(yielded, 1);
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
                    co = HandWritten.create(SLEEP_TWICE, 1, "org.jasyncio.tasks.Bodies.sleepTwice(Bodies.java)", 2, 3);
                    HandWritten.slots(co)[0] = d;
                    co.startSoon();
                    return co;
                }
            } else {
                d = (double) HandWritten.slots(co)[0];
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
                        co = HandWritten.create(SLEEP_TWICE, 1, "org.jasyncio.tasks.Bodies.sleepTwice(Bodies.java)", 2, 3);
                    }
                    HandWritten.slots(co)[0] = d;
                    co.suspendOn(nap, point);
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
