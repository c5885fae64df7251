package org.jasyncio.samples;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.sleep;

import java.io.PrintStream;
import java.util.List;
import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.EventLoopPolicy;
import org.jasyncio.Task;

/**
 * The lesson's "Types of Event Loops": the policy decides which kind of loop {@code AsyncIO.run}
 * and {@code newEventLoop()} make. The program runs the same coroutine under a policy for each kind
 * and prints which loop ran it.
 *
 * <p>jasyncio has both of the lesson's loops: the {@code SelectorEventLoop} (java.nio's
 * {@code Selector}, the counterpart of Python's {@code selectors} module, and the default on every
 * platform) and the {@code ProactorEventLoop} (completion-based I/O on NIO.2's asynchronous channels,
 * which are I/O Completion Ports on Windows, as asyncio's proactor is).
 */
public final class TypesOfEventLoops {

    private final double scale;
    private final PrintStream out;

    private TypesOfEventLoops(double scale, PrintStream out) {
        this.scale = scale;
        this.out = out;
    }

    /** Runs the program with the lesson's durations, or scaled by {@code --scale F}. */
    public static void main(String[] args) {
        run(Scale.fromArgs(args), System.out);
    }

    /**
     * Runs the program with every duration multiplied by {@code scale}, printing to {@code out}. The
     * policy in force before the call is restored afterwards.
     *
     * @param scale time scale, 1 for the lesson's durations
     * @param out where the program prints
     */
    public static void run(double scale, PrintStream out) {
        TypesOfEventLoops program = new TypesOfEventLoops(scale, out);
        EventLoopPolicy previous = AsyncIO.getEventLoopPolicy();
        try {
            for (EventLoopPolicy policy : List.of(EventLoopPolicy.selector(), EventLoopPolicy.proactor())) {
                AsyncIO.setEventLoopPolicy(policy);
                AsyncIO.run(() -> program.doSomethingImportant());
            }
        } finally {
            AsyncIO.setEventLoopPolicy(previous);
        }
    }

    @Async
    private Task<Void> doSomethingImportant() {
        EventLoop loop = AsyncIO.getRunningLoop();
        out.printf("Running on a %s with id %d in thread %s%n",
                loop.getClass().getSimpleName(), loop.id(), Thread.currentThread().getName());

        await(sleep(1 * scale));
        return Task.completed();
    }
}
