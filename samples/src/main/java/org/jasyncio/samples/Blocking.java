package org.jasyncio.samples;

/**
 * Python's {@code time.sleep}: blocks the calling thread, and with it the event loop when called
 * from a callback. Doing so is what the lesson demonstrates, not a pattern to copy.
 */
final class Blocking {

    private Blocking() {
    }

    /** Blocks this thread for {@code seconds}; an interrupt ends the sleep early and stays set. */
    static void sleep(double seconds) {
        try {
            Thread.sleep((long) Math.ceil(seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
