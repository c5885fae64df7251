package org.jasyncio.sync;

import java.util.function.Consumer;

import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;

/**
 * What the compiler would generate for one {@code @Async} method, written by hand so that the
 * primitives are awaited exactly as user code awaits them (with the runtime's prompt
 * cancellation), independently of the compiler.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class Awaiting {
    private Awaiting() {
    }

    /**
     * <pre>{@code
     * @Async static Task<Object> awaitThen(Object awaitable, Consumer<Object> then) {
     *     Object value = await(awaitable);       // line 1
     *     then.accept(value);
     *     return Task.completed(value);
     * }
     * }</pre>
     */
    static Task<Object> awaitThen(Object awaitable, Consumer<Object> then) {
        return awaitThen$async(awaitable, then, null);
    }

    private static final Coroutine.Resumer AWAIT_THEN = co -> awaitThen$async(null, null, co);

    private static Task awaitThen$async(Object awaitable, Consumer<Object> then, Coroutine co) {
        try {
            Object value;
            if (co != null) {
                awaitable = co.refs[0];
                then = (Consumer<Object>) co.refs[1];
            }
            if (co != null && co.state == 1) {
                value = co.resumeValue();
            } else if (Coroutine.isDone(awaitable)) {
                value = Coroutine.resultOf(awaitable);
            } else {
                if (co == null) {
                    co = Coroutine.create(AWAIT_THEN, 2, 0, "org.jasyncio.sync.Awaiting.awaitThen(Awaiting.java)");
                }
                co.refs[0] = awaitable;
                co.refs[1] = then;
                co.suspendOn(awaitable, 1, 1);
                return co;
            }
            then.accept(value);
            return Coroutine.complete(Task.completed(value), co);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }
}
