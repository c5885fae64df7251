package org.jasyncio.context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;
import org.jasyncio.testing.HandWritten;

/**
 * What the compiler makes of one {@code @Async} method, written by hand (as {@code tasks/Bodies} does)
 * so that the runtime's context tests can run bodies that await between their stages:
 *
 * <pre>{@code
 * @Async static Task<List<Object>> run(Supplier<?>... stages) {
 *     List<Object> results = new ArrayList<>();
 *     for (int i = 0; i < stages.length; i++) {
 *         Object awaitable = stages[i].get();
 *         results.add(awaitable == null ? null : await(awaitable));     // line 20
 *     }
 *     return Task.completed(results);
 * }
 * }</pre>
 *
 * A stage that returns a future (or another script's task) is awaited; one that returns {@code null}
 * only runs.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class Script {
    private static final String WHERE = "org.jasyncio.context.Script.run(Script.java)";
    private static final Coroutine.Resumer RESUME = co -> run$async(null, co);

    private Script() {
    }

    static Task<List<Object>> run(Supplier<?>... stages) {
        return run$async(Arrays.asList(stages), null);
    }

    private static Task run$async(List<Supplier<?>> stages, Coroutine co) {
        try {
            List<Object> results;
            int i;
            boolean resuming = false;
            if (co == null) {
                if (!Coroutine.runsEagerly()) {
                    co = HandWritten.create(RESUME, 3, WHERE, 20);
                    HandWritten.slots(co)[0] = stages;
                    co.startSoon();
                    return co;
                }
                results = new ArrayList<>();
                i = 0;
            } else if (co.state == 0) {
                stages = (List) HandWritten.slots(co)[0];
                results = new ArrayList<>();
                i = 0;
            } else {
                stages = (List) HandWritten.slots(co)[0];
                results = (List) HandWritten.slots(co)[1];
                i = (int) HandWritten.slots(co)[2];
                resuming = true;
            }
            for (; i < stages.size(); i++) {
                Object value;
                if (resuming) {
                    resuming = false;
                    value = co.resumeValue();
                } else {
                    Object awaitable = stages.get(i).get();
                    if (awaitable == null) {
                        value = null;
                    } else if (Coroutine.isDone(awaitable)) {
                        value = Coroutine.resultOf(awaitable);
                    } else {
                        if (co == null) {
                            co = HandWritten.create(RESUME, 3, WHERE, 20);
                        }
                        HandWritten.slots(co)[0] = stages;
                        HandWritten.slots(co)[1] = results;
                        HandWritten.slots(co)[2] = i;
                        co.suspendOn(awaitable, 1);
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
}
