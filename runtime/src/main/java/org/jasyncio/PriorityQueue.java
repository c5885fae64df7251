package org.jasyncio;

import java.util.Comparator;

import org.jasyncio.internal.sync.ItemStore;

/**
 * asyncio's {@code PriorityQueue}: a {@link Queue} whose {@code get} returns the lowest item
 * first, by natural order (asyncio uses tuples such as {@code (priority, data)}; in Java use a
 * {@code Comparable} record or pass a {@link Comparator}).
 *
 * @param <T> the items
 */
public final class PriorityQueue<T> extends Queue<T> {
    /** An unbounded queue of {@code Comparable} items. */
    public PriorityQueue() {
        this(0);
    }

    /** @param maxsize how many {@code Comparable} items it holds at most; 0 or less: unbounded */
    public PriorityQueue(int maxsize) {
        this(maxsize, null);
    }

    /**
     * @param maxsize how many items it holds at most; 0 or less: unbounded
     * @param order lowest first; {@code null}: the items' natural order
     */
    public PriorityQueue(int maxsize, Comparator<? super T> order) {
        super(maxsize, ItemStore.priority(order));
    }
}
