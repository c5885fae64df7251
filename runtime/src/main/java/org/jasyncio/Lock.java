package org.jasyncio;

import org.jasyncio.internal.sync.Permits;

/**
 * asyncio's {@code Lock}: mutual exclusion between tasks of one event loop, granted in the
 * order the tasks asked for it. Use it instead of {@code synchronized}, which cannot be held
 * across an {@code await}:
 *
 * <pre>{@code
 * await(lock.acquire());
 * try {
 *     ... // may await
 * } finally {
 *     lock.release();
 * }
 * }</pre>
 *
 * <p>{@link #release()} hands the lock straight to the oldest waiter, whose future then holds it;
 * as in asyncio, the lock reads unlocked until that waiter has resumed, and a newcomer still queues
 * behind it. A task cancelled while it waits for the lock, even after the lock was handed to it,
 * does not keep it: the lock goes to the next waiter. Like every asyncio primitive, a lock is not
 * thread-safe: use it from its loop's thread only.
 */
public final class Lock {
    private final Permits permits = new Permits(1);

    /**
     * Acquires the lock: at once if it is free and nobody waits, else after the tasks that
     * asked before.
     *
     * @return a future that is {@code true} once the caller holds the lock
     */
    public Future<Boolean> acquire() {
        return permits.acquire();
    }

    /**
     * Releases the lock; the oldest waiter, if any, gets it.
     *
     * @throws IllegalStateException "Lock is not acquired." if the lock is free
     */
    public void release() {
        if (!locked()) {
            throw new IllegalStateException("Lock is not acquired.");
        }
        permits.release();
    }

    /** @return whether some task holds the lock (not while it is being handed to a waiter that has not resumed yet, as asyncio's) */
    public boolean locked() {
        return permits.free() == 0 && !permits.handingOver();
    }

    /** asyncio's repr: {@code <Lock [locked, waiters:2]>} or {@code <Lock [unlocked]>}. */
    @Override
    public String toString() {
        String state = locked() ? "locked" : "unlocked";
        int waiters = permits.waiters();
        return "<Lock [" + state + (waiters > 0 ? ", waiters:" + waiters : "") + "]>";
    }
}
