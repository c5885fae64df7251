package org.jasyncio.iteration;

import org.jasyncio.AsyncIO;
import org.jasyncio.AsyncIterator;
import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;
import org.jasyncio.testing.HandWritten;

/**
 * A generator's body that consumes another generator, as the compiler would rewrite it, by hand:
 * <pre>{@code
 * @Async static Task<Void> doubled(AsyncIterator<Integer> source) {
 *     while (await(source.hasNext()))          // suspension 1
 *         await(emit(source.next() * 2));     // suspension 2
 *     return Task.completed();
 * }
 * }</pre>
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class Doubled {
    private static final String WHERE = "org.jasyncio.iteration.Doubled.doubled(Doubled.java)";
    private static final Coroutine.Resumer DOUBLED = co -> doubled$async(null, co);

    private Doubled() {
    }

    static Task<Void> doubled(AsyncIterator<Integer> source) {
        return doubled$async(source, null);
    }

    private static Task doubled$async(AsyncIterator source, Coroutine co) {
        try {
            int resumeAt = 0;
            if (co == null) {
                if (!Coroutine.runsEagerly()) {
                    co = HandWritten.create(DOUBLED, 1, WHERE, 1, 2);
                    HandWritten.slots(co)[0] = source;
                    co.startSoon();
                    return co;
                }
            } else {
                source = (AsyncIterator) HandWritten.slots(co)[0];
                resumeAt = co.state;
            }
            while (true) {
                boolean more;
                if (resumeAt == 1) {
                    resumeAt = 0;
                    more = (Boolean) co.resumeValue();
                } else {
                    if (resumeAt == 2) {
                        resumeAt = 0;
                        co.resumeValue();
                    }
                    Object asked = source.hasNext();
                    if (Coroutine.isDone(asked)) {
                        more = (Boolean) Coroutine.resultOf(asked);
                    } else {
                        co = suspend(co, source, asked, 1);
                        return co;
                    }
                }
                if (!more) {
                    break;
                }
                Object emitted = AsyncIO.emit((Integer) source.next() * 2);
                if (Coroutine.isDone(emitted)) {
                    Coroutine.resultOf(emitted);
                } else {
                    co = suspend(co, source, emitted, 2);
                    return co;
                }
            }
            return Coroutine.complete(Task.completed(), co, 0);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }

    private static Coroutine suspend(Coroutine co, AsyncIterator source, Object awaited, int point) {
        if (co == null) {
            co = HandWritten.create(DOUBLED, 1, WHERE, 1, 2);
        }
        HandWritten.slots(co)[0] = source;
        co.suspendOn(awaited, point);
        return co;
    }
}
