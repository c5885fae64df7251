package org.jasyncio.benchmarks.suspend;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code await} of a done future, and the same code without {@code await} as the baseline.
 * Kept out of the benchmark classes so that the jasyncio plugin rewrites plain classes and JMH
 * generates code only for its own. Every method returns the shared {@code Task.completed()}, so
 * neither side allocates anything of its own.
 */
final class AwaitFixtures {

    private AwaitFixtures() {
    }

    /** One {@code @Async} call that awaits a done future once. */
    @Async
    static Task<Void> awaitOnce(Future<Integer> done, Blackhole sink) {
        sink.consume(await(done));
        return Task.completed();
    }

    /** The baseline of {@link #awaitOnce}: a plain call reading the result. */
    static Task<Void> readOnce(Future<Integer> done, Blackhole sink) {
        sink.consume(done.result());
        return Task.completed();
    }

    /** {@code times} awaits of a done future in one {@code @Async} call. */
    @Async
    static Task<Void> awaitMany(Future<Integer> done, int times, Blackhole sink) {
        int sum = 0;
        for (int i = 0; i < times; i++) {
            sum += await(done);
        }
        sink.consume(sum);
        return Task.completed();
    }

    /** The baseline of {@link #awaitMany}: reading the result {@code times} times. */
    static Task<Void> readMany(Future<Integer> done, int times, Blackhole sink) {
        int sum = 0;
        for (int i = 0; i < times; i++) {
            sum += done.result();
        }
        sink.consume(sum);
        return Task.completed();
    }
}
