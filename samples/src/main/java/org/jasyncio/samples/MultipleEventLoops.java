package org.jasyncio.samples;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.sleep;

import java.io.PrintStream;
import java.util.concurrent.ThreadLocalRandom;
import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Task;

/**
 * The lesson's "Running Multiple Event Loops": two threads each create, set, run and close their
 * own loop; every thread, main included, prints its name and the id of its loop, and the ids differ.
 */
public final class MultipleEventLoops {

    private final double scale;
    private final PrintStream out;

    private MultipleEventLoops(double scale, PrintStream out) {
        this.scale = scale;
        this.out = out;
    }

    /** Runs the program with the lesson's durations, or scaled by {@code --scale F}. */
    public static void main(String[] args) throws InterruptedException {
        run(Scale.fromArgs(args), System.out);
    }

    /**
     * Runs the program with every duration multiplied by {@code scale}, printing to {@code out}.
     * The calling thread prints the id of its current loop (the main thread gets one on demand).
     *
     * @param scale time scale, 1 for the lesson's durations
     * @param out where the program prints
     * @throws InterruptedException if interrupted while waiting for the two threads
     */
    public static void run(double scale, PrintStream out) throws InterruptedException {
        MultipleEventLoops program = new MultipleEventLoops(scale, out);
        Thread t1 = new Thread(program::launchEventLoops);
        Thread t2 = new Thread(program::launchEventLoops);

        t1.start();
        t2.start();

        out.printf("Is event loop running in thread %s = %d%n",
                Thread.currentThread().getName(), AsyncIO.getEventLoop().id());

        t1.join();
        t2.join();
    }

    @Async
    private Task<Void> doSomethingImportant(double sleepFor) {
        out.printf("Is event loop running in thread %s = %d%n",
                Thread.currentThread().getName(), AsyncIO.getEventLoop().id());

        await(sleep(sleepFor));
        return Task.completed();
    }

    private void launchEventLoops() {
        // get a new event loop
        EventLoop loop = AsyncIO.newEventLoop();

        // set the event loop for the current thread
        AsyncIO.setEventLoop(loop);

        // run a coroutine on the event loop
        try {
            loop.runUntilComplete(doSomethingImportant(scale * ThreadLocalRandom.current().nextInt(1, 6)));
        } finally {
            // remember to close the loop
            loop.close();
        }
    }
}
