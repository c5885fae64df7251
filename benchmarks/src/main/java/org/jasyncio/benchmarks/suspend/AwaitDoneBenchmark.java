package org.jasyncio.benchmarks.suspend;

import java.util.concurrent.TimeUnit;

import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code await} of a done future against a plain read of its result. The calls run inside a
 * callback on a running loop, as {@code @Async} code does (an {@code @Async} call made with no
 * loop running starts lazily instead); the cost of entering the loop is spread over
 * {@value #CALLS} calls.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class AwaitDoneBenchmark {
    private static final int CALLS = 10_000;
    private static final int AWAITS_PER_CALL = 100;

    private EventLoop loop;
    private Future<Integer> done;

    @Setup(Level.Trial)
    public void createLoop() {
        loop = AsyncIO.newEventLoop();
        done = loop.createFuture();
        done.setResult(42);
    }

    @TearDown(Level.Trial)
    public void closeLoop() {
        loop.close();
    }

    /** One operation: an {@code @Async} call that awaits a done future. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void asyncCallAwaitingDone(Blackhole sink) {
        onLoop(() -> {
            for (int i = 0; i < CALLS; i++) {
                sink.consume(AwaitFixtures.awaitOnce(done, sink));
            }
        });
    }

    /** One operation: the same call, not {@code @Async}, reading {@code result()}. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void plainCallReadingResult(Blackhole sink) {
        onLoop(() -> {
            for (int i = 0; i < CALLS; i++) {
                sink.consume(AwaitFixtures.readOnce(done, sink));
            }
        });
    }

    /** One operation: one {@code await} of a done future inside a loop of an {@code @Async} method. */
    @Benchmark
    @OperationsPerInvocation(CALLS * AWAITS_PER_CALL)
    public void awaitDoneInLoop(Blackhole sink) {
        onLoop(() -> {
            for (int i = 0; i < CALLS; i++) {
                sink.consume(AwaitFixtures.awaitMany(done, AWAITS_PER_CALL, sink));
            }
        });
    }

    /** One operation: one {@code result()} inside a loop of a plain method. */
    @Benchmark
    @OperationsPerInvocation(CALLS * AWAITS_PER_CALL)
    public void readResultInLoop(Blackhole sink) {
        onLoop(() -> {
            for (int i = 0; i < CALLS; i++) {
                sink.consume(AwaitFixtures.readMany(done, AWAITS_PER_CALL, sink));
            }
        });
    }

    /**
     * One operation: {@code AsyncIO.getRunningLoop()}, the thread-local lookup an {@code @Async}
     * entry makes to decide whether its body may start at once; explains most of the gap between
     * {@link #asyncCallAwaitingDone} and {@link #plainCallReadingResult}.
     */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void runningLoopLookup(Blackhole sink) {
        onLoop(() -> {
            for (int i = 0; i < CALLS; i++) {
                sink.consume(AsyncIO.getRunningLoop());
            }
        });
    }

    private void onLoop(Runnable calls) {
        loop.callSoon(() -> {
            calls.run();
            loop.stop();
        });
        loop.runForever();
    }
}
