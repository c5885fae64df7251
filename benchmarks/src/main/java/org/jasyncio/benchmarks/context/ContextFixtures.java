package org.jasyncio.benchmarks.context;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.sleep;

import org.jasyncio.Async;
import org.jasyncio.ContextVar;
import org.jasyncio.Task;

/** The task whose steps {@link ContextStepBenchmark} times: {@code rounds} bare yields to the loop. */
final class ContextFixtures {
    static final ContextVar<String> REQUEST_ID = new ContextVar<>("request_id");

    private ContextFixtures() {
    }

    /** Sets {@code requestId} first unless it is {@code null}: then the task's steps run in a context of their own. */
    @Async
    static Task<Integer> yieldToLoop(int rounds, String requestId) {
        if (requestId != null) {
            REQUEST_ID.set(requestId);
        }
        int sum = 0;
        for (int i = 0; i < rounds; i++) {
            await(sleep(0));
            sum++;
        }
        return Task.completed(sum);
    }
}
