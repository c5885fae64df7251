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

    /** Two {@code int} locals are live across the await (the figure of issue 13). */
    @Async
    static Task<Integer> twoInts(Future<Integer> never, int first, int second) {
        int sum = first + second;
        int product = first * second;
        int value = await(never);
        return Task.completed(sum + product + value);
    }

    /**
     * Two parameters and three locals (two {@code long}s, an {@code int}, two references, one of
     * them a string made per task) in scope across the await but not read after it: by default
     * none is kept, with the compiler's {@code keepLocals} all five are.
     */
    @Async
    static Task<Integer> deadLocals(Future<Integer> never, long number, String text) {
        long doubled = number * 2;
        int length = text.length();
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        if (doubled + length + upper.length() < 0) {
            throw new IllegalStateException("read before the await, so that javac keeps them");
        }
        return Task.completed(await(never));
    }
}
