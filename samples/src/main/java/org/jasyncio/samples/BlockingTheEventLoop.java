package org.jasyncio.samples;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.ensureFuture;
import static org.jasyncio.AsyncIO.sleep;

import java.io.PrintStream;
import java.util.Locale;
import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;

/**
 * The lesson's "Blocking the Event Loop": the resolver callback sleeps synchronously for 10 seconds,
 * and for all that time the monitor task's "Alive at ..." lines stop, because the one thread that
 * runs every callback and task of the loop is stuck in the callback.
 *
 * <p>The loop runs in debug mode, so it also reports the slow callback and where it was scheduled,
 * as a WARNING on the {@code System.Logger} "org.jasyncio":
 * {@code Executing <TimerHandle ... lambda in BlockingTheEventLoop created at
 * BlockingTheEventLoop.java:NN> took 10.003 seconds}.
 */
public final class BlockingTheEventLoop {

    private final double scale;
    private final PrintStream out;
    private boolean shutdown;

    private BlockingTheEventLoop(double scale, PrintStream out) {
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
        BlockingTheEventLoop program = new BlockingTheEventLoop(scale, out);
        EventLoop loop = AsyncIO.getEventLoop();
        loop.setDebug(true);
        program.printLoop();

        loop.runUntilComplete(program.coro());
        out.println("main exiting");
    }

    private void resolver(Future<Void> future) {
        printLoop();

        Blocking.sleep(10 * scale);
        future.setResult(null);
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

        EventLoop loop = AsyncIO.getEventLoop();
        Task<Void> monitorCoroFuture = ensureFuture(() -> monitorCoro());
        loop.callLater(5 * scale, () -> resolver(future));

        printLoop();

        await(future);
        await(sleep(2 * scale));
        shutdown = true;

        await(monitorCoroFuture);
        return Task.completed();
    }

    private void printLoop() {
        out.printf("Is loop running in thread %s = %d%n",
                Thread.currentThread().getName(), AsyncIO.getEventLoop().id());
    }
}
