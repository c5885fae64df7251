package org.jasyncio.testing;

import java.util.function.Consumer;

import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;

/**
 * What the compiler would generate for an {@code @Async} method that awaits one thing and
 * returns its value, written by hand so that tests await exactly as user code awaits (with the
 * runtime's prompt cancellation), independently of the compiler, and can say which method and
 * line the await poses as. Call it on the running loop, as user code calls {@code @Async} methods.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class Relay {
    private Relay() {
    }

    /**
     * <pre>{@code
     * @Async static Task<Object> relay(Object awaitable) {   // posing as `where`
     *     return Task.completed(await(awaitable));           // at `line`
     * }
     * }</pre>
     */
    public static Task<Object> relay(String where, int line, Object awaitable) {
        return relay$async(where, line, awaitable, value -> { }, null);
    }

    /**
     * The relay that also hands the value to {@code then} before returning it (its frames name
     * {@code relay}, the one body both share):
     * <pre>{@code
     * @Async static Task<Object> awaitThen(Object awaitable, Consumer<Object> then) {
     *     Object value = await(awaitable);       // line 1
     *     then.accept(value);
     *     return Task.completed(value);
     * }
     * }</pre>
     */
    public static Task<Object> awaitThen(Object awaitable, Consumer<Object> then) {
        return relay$async("org.jasyncio.testing.Relay.awaitThen(Relay.java)", 1, awaitable, then, null);
    }

    private static final Coroutine.Resumer RELAY = Relay::relay$resume$0;

    /** The bridge, named as the compiler names it, so that async stack traces cut the loop's frames here. */
    private static Task relay$resume$0(Coroutine co) {
        return relay$async(null, 0, null, null, co);
    }

    private static Task relay$async(String where, int line, Object awaitable, Consumer<Object> then, Coroutine co) {
        try {
            Object value;
            if (co != null && co.state == 1) {
                then = (Consumer<Object>) HandWritten.slots(co)[0];
                value = co.resumeValue();
            } else if (Coroutine.isDone(awaitable)) {
                value = Coroutine.resultOf(awaitable);
            } else {
                co = HandWritten.create(RELAY, 1, where, line);
                HandWritten.slots(co)[0] = then;
                co.suspendOn(awaitable, 1);
                return co;
            }
            then.accept(value);
            return Coroutine.complete(Task.completed(value), co, 0);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }
}
