package org.jasyncio.benchmarks.suspend;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.benchmarks.ea.EaAsyncRoundTrips;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One operation is one suspension and resumption: {@value #SUSPENSIONS} of them per invocation,
 * spread over {@code tasks} concurrent tasks (1: every loop iteration serves one task; 100: the
 * per-iteration cost of the loop is shared). Every variant suspends on a future that a callback
 * scheduled with the loop's {@code callSoon} completes, so they differ only in how the
 * suspension and the resumption are done.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RoundTripBenchmark {
    private static final int SUSPENSIONS = 10_000;

    @Param({"1", "100"})
    public int tasks;

    private EventLoop loop;
    private Executor callSoon;

    @Setup(Level.Trial)
    public void createLoop() {
        loop = AsyncIO.newEventLoop();
        callSoon = loop::callSoon;
    }

    @TearDown(Level.Trial)
    public void closeLoop() {
        loop.close();
    }

    /** An {@code @Async} method awaiting a loop future that a {@code callSoon} callback completes. */
    @Benchmark
    @OperationsPerInvocation(SUSPENSIONS)
    public void jasyncioAwaitFuture() {
        runTasks(rounds -> RoundTripFixtures.awaitFutures(loop, callSoon, rounds).toCompletableFuture());
    }

    /** An {@code @Async} method awaiting {@code sleep(0)}: one loop iteration per suspension. */
    @Benchmark
    @OperationsPerInvocation(SUSPENSIONS)
    public void jasyncioSleepZero() {
        runTasks(rounds -> RoundTripFixtures.yieldToLoop(rounds).toCompletableFuture());
    }

    /** The workload as a {@code CompletableFuture.thenCompose} chain. */
    @Benchmark
    @OperationsPerInvocation(SUSPENSIONS)
    public void completableFutureChain() {
        runTasks(rounds -> RoundTripFixtures.thenComposeChain(callSoon, rounds));
    }

    /** The workload with EA Async's {@code await} on {@code CompletableFuture}s. */
    @Benchmark
    @OperationsPerInvocation(SUSPENSIONS)
    public void eaAsync() {
        runTasks(rounds -> EaAsyncRoundTrips.roundTrips(callSoon, rounds));
    }

    /**
     * Starts {@code tasks} workloads on the loop and runs it until all of them are done; a
     * workload that fails or sums wrongly stops the loop and fails the benchmark.
     */
    private void runTasks(IntFunction<CompletableFuture<Integer>> workload) {
        int rounds = SUSPENSIONS / tasks;
        int[] running = {tasks};
        Throwable[] failed = {null};
        loop.callSoon(() -> {
            for (int t = 0; t < tasks; t++) {
                workload.apply(rounds).whenComplete((sum, failure) -> {
                    if (failure != null || sum != rounds) {
                        failed[0] = failure != null ? failure : new IllegalStateException("a workload summed " + sum);
                        loop.stop();
                    } else if (--running[0] == 0) {
                        loop.stop();
                    }
                });
            }
        });
        loop.runForever();
        if (failed[0] != null || running[0] != 0) {
            throw new IllegalStateException(running[0] + " of " + tasks + " workloads unfinished", failed[0]);
        }
    }
}
