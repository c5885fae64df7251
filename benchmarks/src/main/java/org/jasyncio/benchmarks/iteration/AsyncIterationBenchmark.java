package org.jasyncio.benchmarks.iteration;

import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.jasyncio.AsyncIterator;
import org.jasyncio.Task;
import org.jasyncio.benchmarks.OnThreadLoop;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One operation is one element handed from a producer to a consumer on one loop thread:
 * {@value #ELEMENTS} per invocation, the consumer an {@code @Async} loop
 * {@code for (...; await(it.hasNext()); ) sum += it.next()}. The producers: an async generator
 * ({@code await(emit(v))}), a {@code Queue} fed by a producer task (bounded to 1, so that it runs
 * in lockstep as the generator does, and to 64), an async iterator whose elements are always
 * ready (the protocol alone), and a plain {@link Iterator} in a plain loop (the floor).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class AsyncIterationBenchmark extends OnThreadLoop {
    private static final int ELEMENTS = 10_000;

    /** An async generator consumed in a loop. */
    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    public int generator() {
        return consume(IterationFixtures::generator);
    }

    /** A queue of at most one item, a producer task putting, the consumer iterating {@code items()}. */
    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    public int queueOfOne() {
        return consume(n -> IterationFixtures.queueFedByTask(n, 1));
    }

    /** The same with room for 64 items, so the producer runs ahead in batches. */
    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    public int queueOf64() {
        return consume(n -> IterationFixtures.queueFedByTask(n, 64));
    }

    /** An async iterator whose every {@code hasNext()} is done at once: no suspension. */
    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    public int readyAsyncIterator() {
        return consume(IterationFixtures::ready);
    }

    /** A plain {@code Iterator} in a plain loop. */
    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    public int plainIterator() {
        int sum = 0;
        for (Iterator<Integer> it = IterationFixtures.plain(ELEMENTS); it.hasNext(); ) {
            sum += it.next();
        }
        return check(sum);
    }

    /** Runs the consumer over what {@code source} makes (on the loop, as user code would) until it is done. */
    private int consume(IntFunction<AsyncIterator<Integer>> source) {
        Task<Integer> sum = loop.createTask(() -> IterationFixtures.sum(source.apply(ELEMENTS)));
        return check(loop.runUntilComplete(sum));
    }

    private static int check(int sum) {
        if (sum != ELEMENTS) {
            throw new IllegalStateException("summed " + sum + " of " + ELEMENTS);
        }
        return sum;
    }
}
