package org.jasyncio.debugging;

import org.jasyncio.AsyncIO;
import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;
import org.jasyncio.testing.HandWritten;

/**
 * What the compiler would generate for recursive {@code @Async} methods, written by hand (in the
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
 * <pre>{@code
 * @Async static Task<Object> climb(int depth) {
 *     await(AsyncIO.sleep(0));                                               // CLIMB_SLEEP_LINE
 *     if (depth == 0 || await(climb(depth - 1)) != null) throw new IllegalStateException("top"); // CLIMB_LINE
 *     return Task.completed(null);
 * }
 * }</pre>
 * Every depth suspends first; depth 0 throws at the line where the others await it.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class Recursing {
    static final String WHERE = Recursing.class.getName() + ".descend(Recursing.java)";
    static final int THROW_LINE = 55;
    static final int SLEEP_LINE = 58;
    static final int CALL_LINE = 63;
    static final String CLIMB = Recursing.class.getName() + ".climb(Recursing.java)";
    static final int CLIMB_SLEEP_LINE = 84;
    static final int CLIMB_LINE = 90;
    private static final Coroutine.Resumer RESUME = Recursing::descend$resume$0;
    private static final Coroutine.Resumer CLIMB_RESUME = Recursing::climb$resume$0;

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

    static Task<Object> climb(int depth) {
        return climb$async(depth, null);
    }

    private static Task climb$resume$0(Coroutine co) {
        return climb$async(0, co);
    }

    private static Task climb$async(int depth, Coroutine co) {
        try {
            if (co == null) {
                co = HandWritten.create(CLIMB_RESUME, 1, CLIMB, CLIMB_SLEEP_LINE, CLIMB_LINE);
                HandWritten.slots(co)[0] = depth;
                co.suspendOn(AsyncIO.sleep(0), 1);
                return co;
            }
            if (co.state == 1) {
                co.resumeValue();
                depth = (int) HandWritten.slots(co)[0];
                if (depth == 0) throw new IllegalStateException("top"); Task<Object> call = climb(depth - 1); if (!Coroutine.isDone(call)) { co.suspendOn(call, 2); return co; } Coroutine.resultOf(call);
            } else {
                co.resumeValue();
            }
            return Coroutine.complete(Task.completed(null), co, 0);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }
}
