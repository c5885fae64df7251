package org.jasyncio.iteration;

import java.util.ArrayList;
import java.util.List;

import org.jasyncio.AsyncIterator;
import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;
import org.jasyncio.testing.HandWritten;

/**
 * A consumer as the compiler would rewrite it, by hand (runtime tests cannot use the compiler):
 * <pre>{@code
 * @Async static Task<List<Object>> collect(AsyncIterator<?> it, int max) {
 *     List<Object> got = new ArrayList<>();
 *     while (got.size() < max && await(it.hasNext())) got.add(it.next());   // line 1
 *     return Task.completed(got);
 * }
 * }</pre>
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class Collect {
    private static final String WHERE = "org.jasyncio.iteration.Collect.collect(Collect.java)";
    private static final Coroutine.Resumer COLLECT = co -> collect$async(null, 0, null, co);

    private Collect() {
    }

    /** @return a task collecting at most {@code max} elements of {@code it} */
    public static Task<List<Object>> collect(AsyncIterator<?> it, int max) {
        return collect$async(it, max, null, null);
    }

    /** @return a task collecting every element of {@code it} */
    public static Task<List<Object>> all(AsyncIterator<?> it) {
        return collect(it, Integer.MAX_VALUE);
    }

    private static Task collect$async(AsyncIterator it, int max, List got, Coroutine co) {
        try {
            boolean resuming = false;
            if (co == null) {
                got = new ArrayList<>();
                if (!Coroutine.runsEagerly()) {
                    co = HandWritten.create(COLLECT, 3, WHERE, 1);
                    spill(co, it, max, got);
                    co.startSoon();
                    return co;
                }
            } else {
                it = (AsyncIterator) HandWritten.slots(co)[0];
                got = (List) HandWritten.slots(co)[1];
                max = (int) HandWritten.slots(co)[2];
                resuming = co.state == 1;
            }
            while (true) {
                boolean more;
                if (resuming) {
                    resuming = false;
                    more = (Boolean) co.resumeValue();
                } else {
                    if (got.size() >= max) {
                        break;
                    }
                    Object awaited = it.hasNext();
                    if (Coroutine.isDone(awaited)) {
                        more = (Boolean) Coroutine.resultOf(awaited);
                    } else {
                        if (co == null) {
                            co = HandWritten.create(COLLECT, 3, WHERE, 1);
                        }
                        spill(co, it, max, got);
                        co.suspendOn(awaited, 1);
                        return co;
                    }
                }
                if (!more) {
                    break;
                }
                got.add(it.next());
            }
            return Coroutine.complete(Task.completed(got), co, 0);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }

    private static void spill(Coroutine co, AsyncIterator it, int max, List got) {
        HandWritten.slots(co)[0] = it;
        HandWritten.slots(co)[1] = got;
        HandWritten.slots(co)[2] = max;
    }
}
