package org.jasyncio.testing;

import java.util.concurrent.atomic.AtomicLong;
import org.jasyncio.spi.Clock;

/**
 * A clock that only moves when told to: by {@link #advance}, or by a {@link VirtualTimeLoop} jumping to
 * its next timer. Starts at 0.
 */
public final class VirtualClock implements Clock {

    private final AtomicLong now = new AtomicLong();

    @Override
    public long nanoTime() {
        return now.get();
    }

    /** Moves the clock forward by {@code nanos} (must be {@code >= 0}). */
    public void advanceNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("time only moves forward, got " + nanos + " ns");
        }
        now.addAndGet(nanos);
    }

    /** Moves the clock forward by {@code seconds}. */
    public void advance(double seconds) {
        advanceNanos(Math.round(seconds * 1e9));
    }
}
