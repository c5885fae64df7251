package org.jasyncio.samples;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.sleep;

import java.io.PrintStream;
import java.util.Locale;
import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Task;

/**
 * The lesson's "Running the Event Loop", second program (its Python 3.5 variant): take the loop
 * with {@code getEventLoop()} and run the coroutine with {@code runUntilComplete}.
 */
public final class RunUntilComplete {

    private final double scale;

    private RunUntilComplete(double scale) {
        this.scale = scale;
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
        RunUntilComplete program = new RunUntilComplete(scale);
        long start = System.nanoTime();

        EventLoop loop = AsyncIO.getEventLoop();
        loop.runUntilComplete(program.doSomethingImportant());

        out.printf(Locale.ROOT, "Program ran for %.2f seconds%n", (System.nanoTime() - start) / 1e9);
    }

    @Async
    private Task<Void> doSomethingImportant() {
        await(sleep(10 * scale));
        return Task.completed();
    }
}
