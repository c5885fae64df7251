package org.jasyncio.internal.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a queue keeps its items; the kinds differ only in which item {@link #take()} returns
 * (asyncio's {@code _put}/{@code _get} overrides).
 *
 * @param <T> the items
 */
public interface ItemStore<T> {
    /** @param item stored */
    void add(T item);

    /** @return the next item to hand out; the store is not empty */
    T take();

    /** @param item an item taken but never delivered, stored so that it is the next one taken */
    void putBack(T item);

    /** @return how many items are stored */
    int size();

    /** @return the items in store order, for a repr */
    List<T> contents();

    /**
     * @param item an item stored for a putter that never took its completion (cancelled before it resumed)
     * @return whether it was still stored, and is no longer
     */
    boolean withdraw(T item);

    /** @return first in, first out */
    static <T> ItemStore<T> fifo() {
        ArrayDeque<T> items = new ArrayDeque<>();
        return new ItemStore<>() {
            public void add(T item) { items.addLast(item); }
            public T take() { return items.pollFirst(); }
            public void putBack(T item) { items.addFirst(item); }
            public int size() { return items.size(); }
            public List<T> contents() { return new ArrayList<>(items); }
            public boolean withdraw(T item) { return items.removeLastOccurrence(item); }
        };
    }

    /** @return last in, first out */
    static <T> ItemStore<T> lifo() {
        ArrayDeque<T> items = new ArrayDeque<>();
        return new ItemStore<>() {
            public void add(T item) { items.addLast(item); }
            public T take() { return items.pollLast(); }
            public void putBack(T item) { items.addLast(item); }
            public int size() { return items.size(); }
            public List<T> contents() { return new ArrayList<>(items); }
            public boolean withdraw(T item) { return items.removeLastOccurrence(item); }
        };
    }

    /**
     * @param order the priority order, lowest first; {@code null}: the items' natural order
     * @return lowest first
     */
    static <T> ItemStore<T> priority(Comparator<? super T> order) {
        java.util.PriorityQueue<T> items = new java.util.PriorityQueue<>(order);
        return new ItemStore<>() {
            public void add(T item) { items.add(item); }
            public T take() { return items.poll(); }
            public void putBack(T item) { items.add(item); }
            public int size() { return items.size(); }
            public List<T> contents() { return new ArrayList<>(items); }
            public boolean withdraw(T item) { return items.remove(item); }
        };
    }
}
