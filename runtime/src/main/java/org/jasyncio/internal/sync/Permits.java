package org.jasyncio.internal.sync;

import org.jasyncio.AsyncIO;
import org.jasyncio.Future;

/**
 * The counter behind {@code Lock} and {@code Semaphore}: free permits plus a FIFO of waiters. A
 * release hands its permit straight to the oldest waiter, and until that waiter has resumed the
 * permit is in flight: as in asyncio, where the woken waiter stays in {@code _waiters} until it
 * resumes, a newcomer queues behind it even if a permit is free meanwhile (asyncio's fairness), and
 * the permits freed meanwhile go to the queue once it has resumed.
 */
public final class Permits {
    private int free;
    private int inFlight;
    private final WaitQueue<Handover<Boolean>> waiting = new WaitQueue<>();

    /** @param free how many permits are available at first */
    public Permits(int free) {
        this.free = free;
    }

    /** @return how many permits are free */
    public int free() {
        return free;
    }

    /** @return whether a permit was handed to a waiter that has not resumed yet */
    public boolean handingOver() {
        return inFlight > 0;
    }

    /** @return how many acquirers have not resumed yet: those that wait and those woken (asyncio's {@code _waiters}) */
    public int waiters() {
        return waiting.size() + inFlight;
    }

    /** @return whether an acquire now would wait: no free permit, or earlier acquirers not served yet */
    public boolean mustWait() {
        return free == 0 || inFlight > 0 || !waiting.isEmpty();
    }

    /**
     * Takes a permit now if one is free and nobody is ahead, else queues for one.
     *
     * @return a future that is {@code true} once the caller holds a permit
     */
    public Future<Boolean> acquire() {
        if (!mustWait()) {
            free--;
            return Waiter.ALREADY_TRUE;
        }
        return waiting.add(new Handover<>(AsyncIO.getEventLoop(), permit -> release()));
    }

    /** Hands a permit to the oldest waiter, or frees it if nobody waits. */
    public void release() {
        free++;
        handOut();
    }

    /** Hands free permits to the waiters, oldest first. */
    private void handOut() {
        Handover<Boolean> next;
        while (free > 0 && (next = waiting.poll()) != null) {
            free--;
            inFlight++;
            next.give(Boolean.TRUE, () -> {
                inFlight--;
                handOut();
            });
        }
    }
}
