package org.jasyncio;

import org.jasyncio.internal.sync.Permits;

/**
 * asyncio's {@code Semaphore}: a counter of permits that tasks take with {@link #acquire()} and
 * give back with {@link #release()}, e.g. to let at most ten tasks talk to a server at once.
 * Permits are granted in the order tasks asked for them: a newcomer never overtakes a waiter.
 *
 * <pre>{@code
 * await(semaphore.acquire());
 * try { ... } finally { semaphore.release(); }
 * }</pre>
 *
 * <p>A task cancelled while it waits, even after a permit was handed to it, does not keep the
 * permit: it goes to the next waiter. Use a semaphore from its loop's thread only. {@link BoundedSemaphore} also refuses more releases than acquires.
 */
public class Semaphore {
    private final Permits permits;

    /** A semaphore with one permit. */
    public Semaphore() {
        this(1);
    }

    /**
     * @param value how many permits are free at first
     * @throws IllegalArgumentException "Semaphore initial value must be >= 0" if negative
     */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0");
        }
        permits = new Permits(value);
    }

    /**
     * Takes a permit: at once if one is free, else after the tasks that asked before.
     *
     * @return a future that is {@code true} once the caller holds a permit
     */
    public Future<Boolean> acquire() {
        return permits.acquire();
    }

    /** Gives a permit back; the oldest waiter, if any, gets it. */
    public void release() {
        permits.release();
    }

    /** @return whether {@link #acquire()} would have to wait: no permit is free, or others asked before and have not resumed */
    public boolean locked() {
        return permits.mustWait();
    }

    /** @return how many permits are free now */
    int value() {
        return permits.free();
    }

    /** asyncio's repr: {@code <Semaphore [unlocked, value:2]>}, {@code <Semaphore [locked, waiters:1]>}. */
    @Override
    public String toString() {
        String state = locked() ? "locked" : "unlocked, value:" + permits.free();
        int waiters = permits.waiters();
        return "<" + getClass().getSimpleName() + " [" + state + (waiters > 0 ? ", waiters:" + waiters : "") + "]>";
    }
}
