package org.jasyncio.spi;

/**
 * The I/O half of an event loop iteration: waits for readiness or a wake-up and queues the callbacks
 * of whatever became ready. A selector loop polls a {@link java.nio.channels.Selector}; a proactor loop
 * parks until a completion is posted; a loop in virtual time advances its {@link Clock} to the next
 * timer instead of blocking.
 */
public interface Poller {

    /** The timeout that means "until woken or something is ready", used when no timer is pending. */
    long INDEFINITELY = -1;

    /**
     * Waits at most {@code timeoutNanos} (0: do not wait; {@link #INDEFINITELY}: no limit) for I/O
     * readiness or a {@link #wakeup()}, and hands whatever is ready to its handlers. Called only on the
     * loop's thread.
     */
    void poll(long timeoutNanos);

    /** Makes the current or next {@link #poll} return promptly. Safe from any thread. */
    void wakeup();

    /** Releases the poller's resources; called once, by the loop's {@code close()}. */
    void close();
}
