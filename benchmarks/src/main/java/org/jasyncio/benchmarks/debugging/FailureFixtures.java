package org.jasyncio.benchmarks.debugging;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.sleep;

import org.jasyncio.Async;
import org.jasyncio.Task;

/**
 * A chain of {@code depth + 1} suspended {@code @Async} calls whose bottom one fails (or
 * returns) after a real suspension, so its outcome travels up through {@code depth + 1} awaits
 * that each resume a suspended task: the path where async stack traces record a frame per await.
 */
final class FailureFixtures {
    private FailureFixtures() {
    }

    /** Runs {@code rounds} chains one after the other; returns how many failed (caught at the top). */
    @Async
    static Task<Integer> runChains(int depth, int rounds, boolean fail) {
        int caught = 0;
        for (int i = 0; i < rounds; i++) {
            try {
                await(level(depth, fail));
            } catch (IllegalStateException expected) {
                caught++;
            }
        }
        return Task.completed(caught);
    }

    @Async
    static Task<Void> level(int depth, boolean fail) {
        if (depth == 0) {
            await(sleep(0));
            if (fail) {
                throw new IllegalStateException("failed at the bottom of the chain");
            }
            return Task.completed();
        }
        await(level(depth - 1, fail));
        return Task.completed();
    }
}
