package org.jasyncio.benchmarks.loop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.GenericFutureListener;
import io.netty.util.concurrent.Promise;
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
 * The batches of {@link JasyncioLoopBenchmark} on Netty's selector loop
 * ({@code NioEventLoopGroup(1)}). Netty's loop owns its thread, so the benchmark thread hands
 * the batch to it and waits; that hand-off is spread over the batch as jasyncio's
 * {@code runForever} entry is.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class NettyLoopBenchmark {
    private static final int BATCH = JasyncioLoopBenchmark.BATCH;

    private final CountDown countDown = new CountDown();
    private final GenericFutureListener<Promise<Object>> listener = countDown::accept;
    private NioEventLoopGroup group;
    private EventLoop loop;

    @Setup(Level.Trial)
    public void startLoop() {
        group = new NioEventLoopGroup(1);
        loop = group.next();
    }

    @TearDown(Level.Trial)
    public void stopLoop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** {@code execute} from a task on the loop, then the loop runs them. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void execute() {
        runOnLoop(() -> {
            for (int i = 0; i < BATCH; i++) {
                loop.execute(countDown);
            }
        });
    }

    /** {@code schedule(0 ns)} from the loop: through the scheduled-task queue, then fired. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void scheduleAndFire() {
        runOnLoop(() -> {
            for (int i = 0; i < BATCH; i++) {
                loop.schedule(countDown, 0, TimeUnit.NANOSECONDS);
            }
        });
    }

    /** {@code schedule(60 s)} then {@code cancel(false)} at once, from the loop. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void scheduleAndCancel() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            for (int i = 0; i < BATCH; i++) {
                loop.schedule(countDown, 60, TimeUnit.SECONDS).cancel(false);
            }
            done.complete(null);
        });
        done.join();
    }

    /**
     * A new promise, a listener, {@code setSuccess}. Netty notifies listeners inline when the
     * promise completes on its loop, where asyncio (and jasyncio) schedule them with call_soon.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void promiseListener() {
        runOnLoop(() -> {
            for (int i = 0; i < BATCH; i++) {
                Promise<Object> promise = loop.newPromise();
                promise.addListener(listener);
                promise.setSuccess(Boolean.TRUE);
            }
        });
    }

    /** {@code execute} from the benchmark thread, a foreign one to the loop. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void executeFromForeignThread() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        countDown.arm(BATCH, () -> done.complete(null));
        for (int i = 0; i < BATCH; i++) {
            loop.execute(countDown);
        }
        done.join();
    }

    /** Runs {@code batch} on the loop and waits until the callbacks it schedules have all run. */
    private void runOnLoop(Runnable batch) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        countDown.arm(BATCH, () -> done.complete(null));
        loop.execute(batch);
        done.join();
    }
}
