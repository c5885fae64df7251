package org.jasyncio.benchmarks.loop;

import java.util.concurrent.CompletableFuture;
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

/**
 * jasyncio's event loop: callbacks, timers and done-callbacks per second. Each invocation runs a
 * batch of {@value #BATCH} operations to completion, so one operation is one callback that was
 * scheduled and ran; the cost of entering and leaving {@code runForever} is spread over the
 * batch. {@link NettyLoopBenchmark} runs the same batches on Netty.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class JasyncioLoopBenchmark {
    static final int BATCH = 10_000;

    private final CountDown countDown = new CountDown();
    private EventLoop loop;

    @Setup(Level.Trial)
    public void createLoop() {
        loop = AsyncIO.newEventLoop();
    }

    @TearDown(Level.Trial)
    public void closeLoop() {
        loop.close();
    }

    /** {@code callSoon} from a callback on the loop, then the loop runs them. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void callSoon() {
        countDown.arm(BATCH, loop::stop);
        loop.callSoon(() -> {
            for (int i = 0; i < BATCH; i++) {
                loop.callSoon(countDown);
            }
        });
        loop.runForever();
    }

    /** {@code callLater(0)} from the loop: through the timer heap, then fired. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void timerScheduleAndFire() {
        countDown.arm(BATCH, loop::stop);
        loop.callSoon(() -> {
            for (int i = 0; i < BATCH; i++) {
                loop.callLater(0.0, countDown);
            }
        });
        loop.runForever();
    }

    /** {@code callLater(60 s)} then {@code cancel()} at once, from the loop. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void timerScheduleAndCancel() {
        loop.callSoon(() -> {
            for (int i = 0; i < BATCH; i++) {
                loop.callLater(60.0, countDown).cancel();
            }
            loop.stop();
        });
        loop.runForever();
    }

    /** A new future, a done-callback, {@code setResult}; the callback runs on the next iteration. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void futureDoneCallback() {
        countDown.arm(BATCH, loop::stop);
        loop.callSoon(() -> {
            for (int i = 0; i < BATCH; i++) {
                Future<Object> future = loop.createFuture();
                future.addDoneCallback(countDown);
                future.setResult(Boolean.TRUE);
            }
        });
        loop.runForever();
    }

    /**
     * {@code callSoonThreadsafe} from the benchmark thread to a loop running forever on its own
     * thread; the invocation ends when the loop has run the whole batch.
     */
    @State(Scope.Thread)
    public static class ForeignThread {
        final CountDown countDown = new CountDown();
        EventLoop loop;
        Thread thread;

        @Setup(Level.Trial)
        public void startLoop() {
            loop = AsyncIO.newEventLoop();
            thread = new Thread(loop::runForever, "jasyncio-benchmark-loop");
            thread.start();
        }

        @TearDown(Level.Trial)
        public void stopLoop() throws InterruptedException {
            loop.callSoonThreadsafe(loop::stop);
            thread.join();
            loop.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void callSoonThreadsafe(ForeignThread foreign) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        foreign.countDown.arm(BATCH, () -> done.complete(null));
        for (int i = 0; i < BATCH; i++) {
            foreign.loop.callSoonThreadsafe(foreign.countDown);
        }
        done.join();
    }
}
