package org.jasyncio.context;

import java.util.List;
import java.util.function.Supplier;

import org.jasyncio.Task;
import org.jasyncio.testing.AwaitingBody;

/**
 * What the compiler makes of one {@code @Async} method, written by hand with {@link AwaitingBody}
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
final class Script {
    private Script() {
    }

    static Task<List<Object>> run(Supplier<?>... stages) {
        AwaitingBody body = AwaitingBody.posingAs("org.jasyncio.context.Script.run(Script.java)");
        for (Supplier<?> stage : stages) {
            body.await(20, previous -> stage.get());
        }
        return body.returning(values -> values);
    }
}
