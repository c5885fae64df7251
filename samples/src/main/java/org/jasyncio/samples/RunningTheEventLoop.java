package org.jasyncio.samples;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.sleep;

import java.io.PrintStream;
import java.util.Locale;
import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.Task;

/**
 * The lesson's "Running the Event Loop", first program: {@code AsyncIO.run} (asyncio's
 * {@code asyncio.run()}) runs a coroutine on a new loop and blocks until it finishes.
 */
public final class RunningTheEventLoop {

    private final double scale;

    private RunningTheEventLoop(double scale) {
        this.scale = scale;
    }

    /** Runs the program with the lesson's durations, or scaled by {@code --scale F}. */
    public static void main(String[] args) {
        run(Scale.fromArgs(args), System.out);
    }

    /**
     * Runs the program with every duration multiplied by {@code scale}, printing to {@code out}.
     *
     * @param scale time scale, 1 for the lesson's durations
     * @param out where the program prints
     */
    public static void run(double scale, PrintStream out) {
        RunningTheEventLoop program = new RunningTheEventLoop(scale);
        long start = System.nanoTime();

        AsyncIO.run(() -> program.doSomethingImportant());

        out.printf(Locale.ROOT, "Program ran for %.2f seconds%n", (System.nanoTime() - start) / 1e9);
    }

    @Async
    private Task<Void> doSomethingImportant() {
        await(sleep(10 * scale));
        return Task.completed();
    }
}
