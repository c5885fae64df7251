package org.jasyncio.samples;

import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;

/**
 * Gives a sample the start a Python program gets from a fresh interpreter: a new current loop on
 * this thread, closed afterwards. The lesson's programs call {@code get_event_loop()} and each runs
 * in its own process; the tour runs them one after another on one thread, where they would
 * otherwise share (and one of them would leave in debug mode) a single loop.
 */
final class FreshLoop {

    private FreshLoop() {
    }

    /** A sample's run; only the multiple-loops sample can be interrupted (joining its threads). */
    interface Sample {
        void run() throws InterruptedException;
    }

    /** Runs {@code sample} with a new loop set as this thread's current loop, then closes the loop. */
    static void around(Sample sample) throws InterruptedException {
        EventLoop loop = AsyncIO.newEventLoop();
        AsyncIO.setEventLoop(loop);
        try {
            sample.run();
        } finally {
            loop.close();
        }
    }
}
