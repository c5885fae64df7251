package org.jasyncio.benchmarks.debugging;

import java.util.concurrent.TimeUnit;

import org.jasyncio.benchmarks.OnThreadLoop;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What async stack traces cost. One operation is one chain of {@code depth + 1} suspended
 * {@code @Async} calls whose bottom call fails (or succeeds) after a real suspension, its outcome
 * travelling up through every await; each variant runs with async stack traces on (the default)
 * and off ({@code -Djasyncio.asyncStackTraces=false}, a fork of its own since the switch is read
 * once). "fails on" minus "fails off" is the recording of {@code depth + 1} frames; the
 * "succeeds" pair shows the success path does not pay for it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class AsyncStackTraceBenchmark extends OnThreadLoop {
    private static final int CHAINS = 1_000;

    @Param({"0", "9"})
    public int depth;

    @Benchmark
    @OperationsPerInvocation(CHAINS)
    @Fork(jvmArgsPrepend = "-Djasyncio.asyncStackTraces=true")
    public int failsTracesOn() {
        return run(true);
    }

    @Benchmark
    @OperationsPerInvocation(CHAINS)
    @Fork(jvmArgsPrepend = "-Djasyncio.asyncStackTraces=false")
    public int failsTracesOff() {
        return run(true);
    }

    @Benchmark
    @OperationsPerInvocation(CHAINS)
    @Fork(jvmArgsPrepend = "-Djasyncio.asyncStackTraces=true")
    public int succeedsTracesOn() {
        return run(false);
    }

    @Benchmark
    @OperationsPerInvocation(CHAINS)
    @Fork(jvmArgsPrepend = "-Djasyncio.asyncStackTraces=false")
    public int succeedsTracesOff() {
        return run(false);
    }

    /** Runs the chains; a wrong count of caught failures fails the benchmark. */
    private int run(boolean fail) {
        int caught = loop.runUntilComplete(FailureFixtures.runChains(depth, CHAINS, fail));
        if (caught != (fail ? CHAINS : 0)) {
            throw new IllegalStateException(caught + " chains failed, expected " + (fail ? CHAINS : 0));
        }
        return caught;
    }
}
