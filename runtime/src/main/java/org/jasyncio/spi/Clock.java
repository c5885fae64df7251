package org.jasyncio.spi;

/**
 * An event loop's time source, in nanoseconds on an arbitrary origin. Loops read it for
 * {@code time()} and timer deadlines; a loop in virtual time substitutes a clock that its poller advances.
 * Values are compared by subtraction, as {@link System#nanoTime()} values must be.
 */
@FunctionalInterface
public interface Clock {

    /** The clock of real loops: {@link System#nanoTime()}. */
    Clock SYSTEM = System::nanoTime;

    /** Returns the current time in nanoseconds; only differences between two readings matter. */
    long nanoTime();
}
