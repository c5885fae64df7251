package org.jasyncio.internal.loop;

/**
 * The event loop's time source, in nanoseconds on an arbitrary origin. Internal to jasyncio: not
 * for users. Loops read it for {@code time()} and timer deadlines; tests substitute a virtual clock.
 * Values are compared by subtraction, as {@link System#nanoTime()} values must be.
 */
@FunctionalInterface
public interface Clock {

    /** The clock of real loops: {@link System#nanoTime()}. */
    Clock SYSTEM = System::nanoTime;

    /** Returns the current time in nanoseconds; only differences between two readings matter. */
    long nanoTime();
}
