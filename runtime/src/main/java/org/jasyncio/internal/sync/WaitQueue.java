package org.jasyncio.internal.sync;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The FIFO of pending waiters that every primitive wakes in arrival order. Waiters leave it when
 * they are polled or cancelled, so everything in it is pending.
 *
 * @param <W> the kind of waiter
 */
public final class WaitQueue<W extends Waiter<?>> {
    private final ArrayDeque<W> waiting = new ArrayDeque<>();

    /**
     * Appends a waiter.
     *
     * @param waiter a pending waiter
     * @return {@code waiter}
     */
    public W add(W waiter) {
        waiter.enter(this);
        waiting.addLast(waiter);
        return waiter;
    }

    /** @return the oldest pending waiter, taken out of the queue, or {@code null} if none */
    public W poll() {
        W first;
        while ((first = waiting.pollFirst()) != null) {
            first.leave();
            // someone may have completed a waiter by hand; it no longer waits
            if (!first.done()) {
                return first;
            }
        }
        return null;
    }

    /**
     * Takes every pending waiter out of the queue, oldest first.
     *
     * @param action what to do with each
     */
    public void drain(Consumer<? super W> action) {
        W next;
        while ((next = poll()) != null) {
            action.accept(next);
        }
    }

    /** @return whether no waiter is pending */
    public boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** @return how many waiters are pending */
    public int size() {
        return waiting.size();
    }

    void remove(Waiter<?> waiter) {
        waiting.remove(waiter);
    }
}
