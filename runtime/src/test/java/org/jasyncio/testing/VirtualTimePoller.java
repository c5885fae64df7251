package org.jasyncio.testing;

import java.util.concurrent.Semaphore;
import org.jasyncio.spi.Poller;

/**
 * The poller of a {@link VirtualTimeLoop}: instead of sleeping until the next timer it advances the
 * virtual clock to it; with no timer pending it blocks (in real time) until a thread wakes the loop,
 * so {@code callSoonThreadsafe} from other threads still works. Counts its polls.
 */
final class VirtualTimePoller implements Poller {

    private final VirtualClock clock;
    private final Semaphore wakeups = new Semaphore(0);
    private int polls;

    VirtualTimePoller(VirtualClock clock) {
        this.clock = clock;
    }

    @Override
    public void poll(long timeoutNanos) {
        polls++;
        if (timeoutNanos == INDEFINITELY) {
            wakeups.acquireUninterruptibly();
        } else if (timeoutNanos > 0) {
            clock.advanceNanos(timeoutNanos);
        }
        wakeups.drainPermits();
    }

    @Override
    public void wakeup() {
        wakeups.release();
    }

    @Override
    public void close() {
        wakeups.release();
    }

    int polls() {
        return polls;
    }
}
