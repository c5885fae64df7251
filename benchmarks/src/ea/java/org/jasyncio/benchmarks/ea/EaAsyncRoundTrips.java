package org.jasyncio.benchmarks.ea;

import static com.ea.async.Async.await;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The suspend+resume workload written with EA Async, rewritten at build time by
 * {@code ea-async-maven-plugin}. Compiled for release 8 because EA Async's ASM cannot read
 * newer class files. Every await really suspends: the future is completed later by a
 * callback that {@code scheduler} runs (the jasyncio loop's {@code callSoon} in the benchmark).
 */
public final class EaAsyncRoundTrips {
    private static final Integer ONE = 1;

    private EaAsyncRoundTrips() {
    }

    /** Awaits {@code rounds} futures, each completed by a callback {@code scheduler} runs later. */
    public static CompletableFuture<Integer> roundTrips(Executor scheduler, int rounds) {
        int sum = 0;
        for (int i = 0; i < rounds; i++) {
            CompletableFuture<Integer> next = new CompletableFuture<>();
            scheduler.execute(() -> next.complete(ONE));
            sum += await(next);
        }
        return CompletableFuture.completedFuture(sum);
    }
}
