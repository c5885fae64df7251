package org.jasyncio.benchmarks.suspend;

import java.util.concurrent.TimeUnit;

import org.jasyncio.benchmarks.OnThreadLoop;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What a task pays for the check that it never awaits a task waiting for it ("Task cannot await
 * on itself"): suspending on a pending task walks the chain of tasks that one waits for, so a task
 * at depth {@code d} of a chain of awaits walks {@code d} links. One operation is one task of a
 * chain ({@value #TASKS} per invocation, in chains of {@code depth} tasks, each awaiting the next,
 * the innermost awaiting {@code sleep(0)}): if the walk mattered, the time per task would grow with
 * the depth.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class AwaitChainBenchmark extends OnThreadLoop {
    private static final int TASKS = 4096;

    @Param({"1", "16", "256"})
    public int depth;

    /** {@code TASKS / depth} chains, one after the other, each run to completion by the loop. */
    @Benchmark
    @OperationsPerInvocation(TASKS)
    public int awaitChain() {
        int sum = 0;
        for (int chain = 0; chain < TASKS / depth; chain++) {
            sum += loop.runUntilComplete(AwaitChainFixtures.chain(depth - 1));
        }
        if (sum != TASKS) {
            throw new IllegalStateException("the chains counted " + sum + " tasks, not " + TASKS);
        }
        return sum;
    }
}
