package org.jasyncio.internal.sync;

import org.jasyncio.AsyncIO;
import org.jasyncio.Future;

/**
 * The counter behind {@code Lock} and {@code Semaphore}: free permits plus a FIFO of waiters. A
 * release hands its permit straight to the oldest waiter, so free permits and waiters never
 * coexist and a newcomer can never overtake a waiter (asyncio's fairness).
 */
public final class Permits {
    private int free;
    private final WaitQueue<Handover<Boolean>> waiting = new WaitQueue<>();

    /** @param free how many permits are available at first */
    public Permits(int free) {
        this.free = free;
    }

    /** @return how many permits are free */
    public int free() {
        return free;
    }

    /** @return how many acquirers wait */
    public int waiters() {
        return waiting.size();
    }

    /**
     * Takes a permit now if one is free, else queues for one.
     *
     * @return a future that is {@code true} once the caller holds a permit
     */
    public Future<Boolean> acquire() {
        if (free > 0) {
            free--;
            return Waiter.ALREADY_TRUE;
        }
        return waiting.add(new Handover<>(AsyncIO.getEventLoop(), permit -> release()));
    }

    /** Hands a permit to the oldest waiter, or frees it if nobody waits. */
    public void release() {
        Handover<Boolean> next = waiting.poll();
        if (next == null) {
            free++;
        } else {
            next.give(Boolean.TRUE);
        }
    }
}
