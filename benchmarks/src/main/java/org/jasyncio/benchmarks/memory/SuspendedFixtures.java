package org.jasyncio.benchmarks.memory;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.Future;
import org.jasyncio.Task;

/** Tasks that suspend on a future that never completes, with and without live locals. */
final class SuspendedFixtures {

    private SuspendedFixtures() {
    }

    /** Nothing is live across the await. */
    @Async
    static Task<Integer> noLocals(Future<Integer> never) {
        return Task.completed(await(never));
    }

    /** One {@code long} and one reference are live across the await. */
    @Async
    static Task<String> twoLocals(Future<Integer> never, long number, String text) {
        int value = await(never);
        return Task.completed(text + (number + value));
    }
}
