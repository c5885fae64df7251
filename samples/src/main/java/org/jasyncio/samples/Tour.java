package org.jasyncio.samples;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Runs every sample of the lesson in order, each under the heading of the lesson's section, with
 * the lesson's durations (about a minute in all). {@code --scale 0.1} (or
 * {@code -Dtour.scale=0.1}) runs every duration ten times shorter.
 */
public final class Tour {

    /**
     * java.util.logging's console format for what the loop reports (the slow-callback warning), one
     * line instead of the default two that start with a date.
     */
    private static final String LOG_FORMAT = "%4$s: %5$s%6$s%n";

    private Tour() {
    }

    /**
     * Runs the tour on {@code System.out}; accepts {@code --scale F}. What the loop logs goes to
     * {@code System.err}, one line per report unless {@code java.util.logging.SimpleFormatter.format}
     * is set.
     */
    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", LOG_FORMAT);
        }
        run(Scale.fromArgs(args), System.out);
    }

    /**
     * Runs every sample in order with every duration multiplied by {@code scale}, printing to
     * {@code out}. Each sample starts with a new current loop on this thread, as each of the
     * lesson's programs starts in a fresh interpreter.
     *
     * @param scale time scale, 1 for the lesson's durations
     * @param out where the samples print
     * @throws InterruptedException if interrupted while a sample waits for its threads
     */
    public static void run(double scale, PrintStream out) throws InterruptedException {
        out.printf(Locale.ROOT, "jasyncio tour of the asyncio event-loop lesson (time scale %s)%n", scale);

        heading(out, "Running the Event Loop", "AsyncIO.run(...)");
        FreshLoop.around(() -> RunningTheEventLoop.run(scale, out));
        heading(out, "Running the Event Loop", "getEventLoop() and runUntilComplete(...)");
        FreshLoop.around(() -> RunUntilComplete.run(scale, out));

        heading(out, "Running Multiple Event Loops", "one new loop per thread");
        FreshLoop.around(() -> MultipleEventLoops.run(scale, out));

        heading(out, "Invoking Callbacks", "callLater resolves the future a coroutine awaits");
        FreshLoop.around(() -> InvokingCallbacks.run(scale, out));

        heading(out, "Blocking the Event Loop", "a callback that sleeps synchronously, debug mode on");
        FreshLoop.around(() -> BlockingTheEventLoop.run(scale, out));
        heading(out, "Blocking the Event Loop", "the fix: the resolver awaits sleep");
        FreshLoop.around(() -> BlockingTheEventLoopFixed.run(scale, out));

        heading(out, "Types of Event Loops", "the policy chooses the loop");
        FreshLoop.around(() -> TypesOfEventLoops.run(scale, out));
    }

    private static void heading(PrintStream out, String section, String what) {
        out.println();
        out.println("== " + section + ": " + what + " ==");
        out.flush();
    }
}
