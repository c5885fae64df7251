package org.jasyncio.benchmarks.suspend;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.sleep;

import org.jasyncio.Async;
import org.jasyncio.Task;

/** A chain of tasks, each awaiting the next one's task while that one is still pending. */
final class AwaitChainFixtures {
    private AwaitChainFixtures() {
    }

    /** {@code below + 1} tasks: this one, awaiting a chain of {@code below}; counts them. */
    @Async
    static Task<Integer> chain(int below) {
        if (below == 0) {
            await(sleep(0));
            return Task.completed(1);
        }
        return Task.completed(await(chain(below - 1)) + 1);
    }
}
