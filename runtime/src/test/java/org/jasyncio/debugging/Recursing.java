package org.jasyncio.debugging;

import org.jasyncio.AsyncIO;
import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;
import org.jasyncio.testing.HandWritten;

/**
 * What the compiler would generate for a recursive {@code @Async} method, written by hand (in the
 * compiler's names, at the lines below) so that the runtime's tests can follow one failure through
 * several activations of one method:
 * <pre>{@code
 * @Async static Task<Object> descend(int depth) {
 *     if (depth == 0) throw new IllegalStateException("bottom");   // THROW_LINE
 *     await(AsyncIO.sleep(0));                                     // SLEEP_LINE
 *     return Task.completed(await(descend(depth - 1)));            // CALL_LINE
 * }
 * }</pre>
 * Depth 0 fails before it ever suspends, on its caller's stack; every other depth suspends first.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class Recursing {
    static final String WHERE = Recursing.class.getName() + ".descend(Recursing.java)";
    static final int THROW_LINE = 43;
    static final int SLEEP_LINE = 46;
    static final int CALL_LINE = 51;
    private static final Coroutine.Resumer RESUME = Recursing::descend$resume$0;

    private Recursing() {
    }

    static Task<Object> descend(int depth) {
        return descend$async(depth, null);
    }

    private static Task descend$resume$0(Coroutine co) {
        return descend$async(0, co);
    }

    private static Task descend$async(int depth, Coroutine co) {
        try {
            if (co == null) {
                if (depth == 0) throw new IllegalStateException("bottom");
                co = HandWritten.create(RESUME, 1, WHERE, SLEEP_LINE, CALL_LINE);
                HandWritten.slots(co)[0] = depth;
                co.suspendOn(AsyncIO.sleep(0), 1);
                return co;
            }
            if (co.state == 1) {
                co.resumeValue();
                Task<Object> call = descend((int) HandWritten.slots(co)[0] - 1); if (Coroutine.isDone(call)) { return Coroutine.complete(Task.completed(Coroutine.resultOf(call)), co, 0); } co.suspendOn(call, 2); return co;
            }
            return Coroutine.complete(Task.completed(co.resumeValue()), co, 0);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }
}
