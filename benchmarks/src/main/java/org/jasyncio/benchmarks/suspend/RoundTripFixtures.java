package org.jasyncio.benchmarks.suspend;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.sleep;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.jasyncio.Async;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;

/**
 * The suspend+resume workload: {@code rounds} awaits that each really suspend, because the
 * awaited future is completed later by a callback on the loop. The same workload is written as
 * a {@code CompletableFuture.thenCompose} chain here and with EA Async in
 * {@code org.jasyncio.benchmarks.ea.EaAsyncRoundTrips}; all three complete their futures with a
 * callback the same {@code scheduler} (the loop's {@code callSoon}) runs.
 */
final class RoundTripFixtures {
    static final Integer ONE = 1;

    private RoundTripFixtures() {
    }

    /** jasyncio: awaits loop futures completed by {@code scheduler}. */
    @Async
    static Task<Integer> awaitFutures(EventLoop loop, Executor scheduler, int rounds) {
        int sum = 0;
        for (int i = 0; i < rounds; i++) {
            Future<Integer> next = loop.createFuture();
            scheduler.execute(() -> next.setResult(ONE));
            sum += await(next);
        }
        return Task.completed(sum);
    }

    /** jasyncio: {@code sleep(0)}, asyncio's bare yield, the cheapest real suspension. */
    @Async
    static Task<Integer> yieldToLoop(int rounds) {
        int sum = 0;
        for (int i = 0; i < rounds; i++) {
            await(sleep(0));
            sum++;
        }
        return Task.completed(sum);
    }

    /** The hand-written chain: each step composes the next one onto a future {@code scheduler} completes. */
    static CompletableFuture<Integer> thenComposeChain(Executor scheduler, int rounds) {
        return chainStep(scheduler, 0, rounds, 0);
    }

    private static CompletableFuture<Integer> chainStep(Executor scheduler, int round, int rounds, int sum) {
        if (round == rounds) {
            return CompletableFuture.completedFuture(sum);
        }
        CompletableFuture<Integer> next = new CompletableFuture<>();
        scheduler.execute(() -> next.complete(ONE));
        return next.thenCompose(value -> chainStep(scheduler, round + 1, rounds, sum + value));
    }
}
