package org.jasyncio.samples;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.ensureFuture;
import static org.jasyncio.AsyncIO.gather;
import static org.jasyncio.AsyncIO.sleep;

import java.io.PrintStream;
import java.util.Locale;
import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;

/**
 * The fix for {@link BlockingTheEventLoop}: the resolver becomes an {@code @Async} method that awaits
 * {@code sleep} instead of blocking, so while it waits the loop keeps running the monitor task and
 * "Alive at ..." ticks every second throughout. Debug mode is on as in the blocking program, and
 * this time it has no slow callback to report.
 */
public final class BlockingTheEventLoopFixed {

    private final double scale;
    private final PrintStream out;
    private boolean shutdown;

    private BlockingTheEventLoopFixed(double scale, PrintStream out) {
        this.scale = scale;
        this.out = out;
    }

    /** Runs the program with the lesson's durations, or scaled by {@code --scale F}. */
    public static void main(String[] args) {
        run(Scale.fromArgs(args), System.out);
    }

    /**
     * Runs the program with every duration multiplied by {@code scale}, printing to {@code out}.
     * Uses this thread's current loop (the main thread gets one on demand) and turns its debug mode
     * on.
     *
     * @param scale time scale, 1 for the lesson's durations
     * @param out where the program prints
     */
    public static void run(double scale, PrintStream out) {
        BlockingTheEventLoopFixed program = new BlockingTheEventLoopFixed(scale, out);
        EventLoop loop = AsyncIO.getEventLoop();
        loop.setDebug(true);
        program.printLoop();

        loop.runUntilComplete(program.coro());
        out.println("main exiting");
    }

    @Async
    private Task<Void> resolver(Future<Void> future) {
        printLoop();

        await(sleep(10 * scale));
        future.setResult(null);
        return Task.completed();
    }

    @Async
    private Task<Void> monitorCoro() {
        while (!shutdown) {
            out.printf(Locale.ROOT, "Alive at %.3f%n", System.currentTimeMillis() / 1000.0);
            await(sleep(1 * scale));
        }
        return Task.completed();
    }

    @Async
    private Task<Void> coro() {
        out.println("coro running");
        Future<Void> future = new Future<>();

        Task<Void> monitorCoroFuture = ensureFuture(() -> monitorCoro());
        Task<Void> resolverFuture = ensureFuture(() -> resolver(future));

        printLoop();

        await(future);
        await(sleep(2 * scale));
        shutdown = true;

        await(gather(monitorCoroFuture, resolverFuture));
        return Task.completed();
    }

    private void printLoop() {
        out.printf("Is loop running in thread %s = %d%n",
                Thread.currentThread().getName(), AsyncIO.getEventLoop().id());
    }
}
