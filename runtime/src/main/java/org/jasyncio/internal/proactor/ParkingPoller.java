package org.jasyncio.internal.proactor;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jasyncio.spi.Poller;

/**
 * The {@link Poller} of a proactor loop. Internal to jasyncio: not for users.
 *
 * <p>A proactor has nothing to select: I/O completes on the channel group's threads, which hand each
 * completion to the loop's thread-safe inbox, and the inbox wakes this poller. So a poll only parks
 * the loop's thread until the deadline or a {@link #wakeup()}; a wake-up that arrives before the park
 * is remembered, so it is never lost.
 */
public final class ParkingPoller implements Poller {

    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile Thread parked;

    @Override
    public void poll(long timeoutNanos) {
        if (timeoutNanos == 0) {
            return;
        }
        Thread self = Thread.currentThread();
        parked = self;
        long deadline = System.nanoTime() + timeoutNanos;
        while (!woken.getAndSet(false)) {
            if (timeoutNanos == INDEFINITELY) {
                LockSupport.park(this);
            } else {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                LockSupport.parkNanos(this, remaining);
            }
            if (self.isInterrupted()) {
                // park returns at once while the interrupt status is set: let the loop run instead of spinning here.
                return;
            }
        }
    }

    @Override
    public void wakeup() {
        woken.set(true);
        Thread thread = parked;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void close() {
        // Nothing to release: the channel group belongs to the loop's driver.
    }
}
