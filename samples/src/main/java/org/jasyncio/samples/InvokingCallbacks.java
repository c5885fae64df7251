package org.jasyncio.samples;

import static org.jasyncio.AsyncIO.await;

import java.io.PrintStream;
import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;

/**
 * The lesson's "Invoking Callbacks": a coroutine creates a future, schedules a plain callback with
 * {@code callLater(5, ...)} to resolve it, and awaits it. The callback runs on the loop's thread,
 * as its printed thread name and loop id show.
 */
public final class InvokingCallbacks {

    private final double scale;
    private final PrintStream out;

    private InvokingCallbacks(double scale, PrintStream out) {
        this.scale = scale;
        this.out = out;
    }

    /** Runs the program with the lesson's durations, or scaled by {@code --scale F}. */
    public static void main(String[] args) {
        run(Scale.fromArgs(args), System.out);
    }

    /**
     * Runs the program with every duration multiplied by {@code scale}, printing to {@code out}.
     * Uses this thread's current loop (the main thread gets one on demand).
     *
     * @param scale time scale, 1 for the lesson's durations
     * @param out where the program prints
     */
    public static void run(double scale, PrintStream out) {
        InvokingCallbacks program = new InvokingCallbacks(scale, out);
        EventLoop loop = AsyncIO.getEventLoop();
        program.printLoop();

        loop.runUntilComplete(program.coro());
        out.println("main exiting");
    }

    private void resolver(Future<Void> future) {
        printLoop();

        Blocking.sleep(2 * scale);
        future.setResult(null);
    }

    @Async
    private Task<Void> coro() {
        Future<Void> future = new Future<>();

        EventLoop loop = AsyncIO.getEventLoop();
        loop.callLater(5 * scale, () -> resolver(future));

        printLoop();

        await(future);
        out.println("coro exiting");
        return Task.completed();
    }

    private void printLoop() {
        out.printf("Is loop running in thread %s = %d%n",
                Thread.currentThread().getName(), AsyncIO.getEventLoop().id());
    }
}
