package org.jasyncio;

import org.jasyncio.internal.sync.ItemStore;

/**
 * asyncio's {@code LifoQueue}: a {@link Queue} whose {@code get} returns the item put last.
 *
 * @param <T> the items
 */
public final class LifoQueue<T> extends Queue<T> {
    /** An unbounded stack. */
    public LifoQueue() {
        this(0);
    }

    /** @param maxsize how many items it holds at most; 0 or less: unbounded */
    public LifoQueue(int maxsize) {
        super(maxsize, ItemStore.lifo());
    }
}
