package org.jasyncio;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The immutable mapping a {@link Context} holds: its {@link ContextVar}s' values and the values of the
 * propagated {@link ThreadValue}s, keyed by identity. Every change makes a new mapping and leaves the
 * old one intact, so a copy of a context shares it and costs one reference (asyncio's contexts share a
 * HAMT for the same reason). A context holds a handful of entries, so the entries sit in one array and
 * a change copies it: cheaper than a trie at that size.
 */
final class ContextData {

    /** What {@link #get} answers for a key without a value ({@code null} is a value). */
    static final Object ABSENT = new Object();
    static final ContextData EMPTY = new ContextData(new Object[0]);

    /** Keys at even indexes, each followed by its value. */
    private final Object[] entries;

    private ContextData(Object[] entries) {
        this.entries = entries;
    }

    boolean isEmpty() {
        return entries.length == 0;
    }

    /** The value of {@code key}, or {@link #ABSENT}. */
    Object get(Object key) {
        int at = indexOf(key);
        return at < 0 ? ABSENT : entries[at + 1];
    }

    /** This mapping with {@code key} mapped to {@code value}; {@link #ABSENT} removes the key. */
    ContextData with(Object key, Object value) {
        int at = indexOf(key);
        if (value == ABSENT) {
            if (at < 0) {
                return this;
            }
            Object[] fewer = new Object[entries.length - 2];
            System.arraycopy(entries, 0, fewer, 0, at);
            System.arraycopy(entries, at + 2, fewer, at, entries.length - at - 2);
            return fewer.length == 0 ? EMPTY : new ContextData(fewer);
        }
        if (at >= 0) {
            if (entries[at + 1] == value) {
                return this;
            }
            Object[] changed = entries.clone();
            changed[at + 1] = value;
            return new ContextData(changed);
        }
        Object[] more = Arrays.copyOf(entries, entries.length + 2);
        more[entries.length] = key;
        more[entries.length + 1] = value;
        return new ContextData(more);
    }

    /** The number of entries whose key is a {@link ContextVar}. */
    int countVars() {
        int count = 0;
        for (int i = 0; i < entries.length; i += 2) {
            if (entries[i] instanceof ContextVar) {
                count++;
            }
        }
        return count;
    }

    /** Calls {@code action} with each {@link ContextVar} and its value, oldest entry first. */
    void forEachVar(BiConsumer<ContextVar<?>, Object> action) {
        for (int i = 0; i < entries.length; i += 2) {
            if (entries[i] instanceof ContextVar) {
                action.accept((ContextVar<?>) entries[i], entries[i + 1]);
            }
        }
    }

    private int indexOf(Object key) {
        for (int i = 0; i < entries.length; i += 2) {
            if (entries[i] == key) {
                return i;
            }
        }
        return -1;
    }
}
