package org.jasyncio.debugging;

import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;

/**
 * What the compiler would generate for an {@code @Async} method that awaits one thing and
 * returns its value, written by hand so that a test can say which method and line it poses as.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class Relay {
    private Relay() {
    }

    /**
     * <pre>{@code
     * @Async static Task<Object> relay(Object awaitable) {   // posing as `where`
     *     return Task.completed(await(awaitable));           // at `line`
     * }
     * }</pre>
     * Call it on the running loop, as user code calls {@code @Async} methods.
     */
    static Task<Object> relay(String where, int line, Object awaitable) {
        return relay$async(where, line, awaitable, null);
    }

    private static final Coroutine.Resumer RELAY = co -> relay$async(null, 0, null, co);

    private static Task relay$async(String where, int line, Object awaitable, Coroutine co) {
        try {
            Object value;
            if (co != null && co.state == 1) {
                value = co.resumeValue();
            } else if (Coroutine.isDone(awaitable)) {
                value = Coroutine.resultOf(awaitable);
            } else {
                co = Coroutine.create(RELAY, 0, 0, where);
                co.suspendOn(awaitable, 1, line);
                return co;
            }
            return Coroutine.complete(Task.completed(value), co);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }
}
