package org.jasyncio.debugging;

import java.util.function.Supplier;

import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;
import org.jasyncio.testing.HandWritten;

/**
 * What the compiler would generate for an {@code @Async} method that returns another call's task
 * without awaiting it, written by hand, posing as {@code where} with its {@code return} at
 * {@link #RETURN_LINE}:
 * <pre>{@code
 * @Async static Task<Object> handOver(Object gate, Supplier<Task<Object>> call) {
 *     if (gate != null) await(gate);   // line 1
 *     return call.get();               // RETURN_LINE
 * }
 * }</pre>
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class Adopting {
    static final int RETURN_LINE = 7;
    private static final Coroutine.Resumer RESUME = Adopting::handOver$resume$0;

    private Adopting() {
    }

    static Task<Object> handOver(String where, Object gate, Supplier<Task<Object>> call) {
        return handOver$async(where, gate, call, null);
    }

    private static Task handOver$resume$0(Coroutine co) {
        return handOver$async(null, null, null, co);
    }

    private static Task handOver$async(String where, Object gate, Supplier<Task<Object>> call, Coroutine co) {
        try {
            if (co != null) {
                co.resumeValue();
                call = (Supplier<Task<Object>>) HandWritten.slots(co)[0];
            } else if (gate != null && Coroutine.isDone(gate)) {
                Coroutine.resultOf(gate);
            } else if (gate != null) {
                co = HandWritten.create(RESUME, 1, where, 1);
                HandWritten.slots(co)[0] = call;
                co.suspendOn(gate, 1);
                return co;
            }
            return Coroutine.complete(call.get(), co, RETURN_LINE);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }
}
