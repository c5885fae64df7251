package org.jasyncio.tasks;

import static org.jasyncio.AsyncIO.sleep;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jasyncio.CancelledException;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;
import org.jasyncio.testing.AwaitingBody;

/**
 * What the compiler would generate for a few {@code @Async} methods, written by hand in plain
 * Java so that the runtime side of docs/coroutine-protocol.md can be tested before (and
 * independently of) the compiler, built with {@link AwaitingBody}. Each method shows its source
 * form in the javadoc.
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
        AwaitingBody body = AwaitingBody.posingAs("org.jasyncio.tasks.Bodies.awaitEach(Bodies.java)");
        for (int i = 0; i < fs.size(); i++) {
            int index = i;
            body.await(42, previous -> fs.get(index));   // read when the loop gets there, as the source does
        }
        return body.returning(values -> values);
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
        return AwaitingBody.posingAs("org.jasyncio.tasks.Bodies.awaitOrElse(Bodies.java)")
                .await(7, none -> awaitable, t -> {
                    if (t instanceof CancelledException) {
                        return onCancel;
                    }
                    throw Bodies.<RuntimeException>unchecked(t);
                })
                .returningLast();
    }

    /**
     * <pre>{@code
     * @Async static Task<Object> awaitRecovering(Object awaitable, Function<Throwable, Object> recover) {
     *     try { return Task.completed(await(awaitable)); }                 // line 9
     *     catch (Throwable t) { return Task.completed(recover.apply(t)); } // recover may throw
     * }
     * }</pre>
     */
    static Task<Object> awaitRecovering(Object awaitable, Function<Throwable, Object> recover) {
        return AwaitingBody.posingAs("org.jasyncio.tasks.Bodies.awaitRecovering(Bodies.java)")
                .await(9, none -> awaitable, recover)
                .returningLast();
    }

    /**
     * <pre>{@code
     * @Async static Task<Object> awaitWithCleanup(Object awaitable, Supplier<?> cleanup) {
     *     try { return Task.completed(await(awaitable)); }   // line 11
     *     finally { await(cleanup.get()); }                   // line 12
     * }
     * }</pre>
     */
    static Task<Object> awaitWithCleanup(Object awaitable, Supplier<?> cleanup) {
        return AwaitingBody.posingAs("org.jasyncio.tasks.Bodies.awaitWithCleanup(Bodies.java)")
                .await(11, none -> awaitable, Caught::new)
                .await(12, value -> cleanup.get())   // the cleanup's exception replaces the body's, as a finally's does
                .returning(values -> {
                    if (values.get(0) instanceof Caught caught) {
                        throw caught.failure();
                    }
                    return values.get(0);
                });
    }

    /** What the {@code try} of {@link #awaitWithCleanup} caught, thrown again after its {@code finally}. */
    private record Caught(Throwable failure) {
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
        AwaitingBody body = AwaitingBody.posingAs("org.jasyncio.tasks.Bodies.yieldMany(Bodies.java)");
        for (int i = 0; i < n; i++) {
            body.await(3, previous -> sleep(0));
        }
        return body.returning(values -> n);
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
        return AwaitingBody.posingAs("org.jasyncio.tasks.Bodies.sleepTwice(Bodies.java)")
                .await(2, none -> sleep(d))
                .await(3, none -> sleep(d))
                .returning(values -> "slept");
    }

    /**
     * <pre>{@code
     * @Async static Task<T> returnTask(Task<T> other) { return other; }
     * }</pre>
     * A body that never suspends: it allocates nothing of the runtime's.
     */
    static <T> Task<T> returnTask(Task<T> other) {
        return (Task<T>) Coroutine.complete(other, null, 0);
    }

    /** The @Async body {@code throw failure;}, which never suspends. */
    static Task<Object> throwing(RuntimeException failure) {
        try {
            throw failure;
        } catch (Throwable t) {
            return (Task<Object>) Coroutine.fail(t, null);
        }
    }

    /** Throws {@code t} as it is, checked or not, as a rethrowing {@code catch} does. */
    private static <E extends Throwable> E unchecked(Throwable t) throws E {
        throw (E) t;
    }
}
