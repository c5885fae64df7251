package org.jasyncio.internal.loop;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Callbacks handed to a loop from any thread, with coalesced wake-ups. Internal to jasyncio: not for
 * users.
 *
 * <p>The loop announces that it is about to sleep with {@link #prepareToSleep()}; a producer wakes the
 * poller only if it is the first to find the loop sleeping, so a burst of producers costs one
 * {@code Selector.wakeup()} system call, and producers never pay it while the loop is busy. The
 * producer claims its slot in the queue before reading the flag and the loop writes the flag before
 * counting the claims (all sequentially consistent), so at least one of them sees the other: a
 * callback is never stranded.
 */
public final class ThreadsafeInbox {

    private final ChunkedMpscQueue<Object> queue = new ChunkedMpscQueue<>();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final Runnable wakeup;

    /** Creates an inbox that runs {@code wakeup} (e.g. the poller's wake-up) to rouse a sleeping loop. */
    public ThreadsafeInbox(Runnable wakeup) {
        this.wakeup = wakeup;
    }

    /** Queues a callback (a {@code Runnable} or a {@code Handle}); from any thread. Wakes the loop if it is sleeping. */
    public void add(Object callback) {
        queue.offer(callback);
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            wakeup.run();
        }
    }

    /** True if no callback is waiting. */
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Moves every waiting callback, in arrival order, to {@code ready}. Loop thread only. */
    public void drainTo(Queue<Object> ready) {
        Object callback;
        while ((callback = queue.poll()) != null) {
            ready.add(callback);
        }
    }

    /**
     * Marks the loop as about to sleep. Returns false (and stays awake) if a callback is already
     * waiting, in which case the loop must not block.
     */
    public boolean prepareToSleep() {
        sleeping.set(true);
        if (!queue.isEmpty()) {
            sleeping.set(false);
            return false;
        }
        return true;
    }

    /** Marks the loop as awake again after its poll returned. */
    public void awake() {
        sleeping.set(false);
    }

    /** Drops every waiting callback. */
    public void clear() {
        while (queue.poll() != null) {
            // dropped
        }
    }
}
