package org.jasyncio;

import java.util.Arrays;
import java.util.Objects;

/**
 * The {@link ThreadValue}s that {@link Context#propagate} registered, for the whole process. The array
 * is replaced, never changed, so a step reads it once (one volatile load) and works on a stable set.
 */
final class Propagation {

    private static final ThreadValue<?>[] NONE = new ThreadValue<?>[0];
    private static volatile ThreadValue<?>[] values = NONE;

    private Propagation() {
    }

    /** The registered values; an empty array when nothing is propagated. */
    static ThreadValue<?>[] values() {
        return values;
    }

    /** Whether anything is propagated: the one check a step pays when no context is in use. */
    static boolean active() {
        return values.length != 0;
    }

    static synchronized void add(ThreadValue<?> value) {
        Objects.requireNonNull(value, "value");
        if (indexOf(value) < 0) {
            ThreadValue<?>[] more = Arrays.copyOf(values, values.length + 1);
            more[values.length] = value;
            values = more;
        }
    }

    static synchronized boolean remove(Object valueOrThreadLocal) {
        int at = indexOf(valueOrThreadLocal);
        if (at < 0) {
            return false;
        }
        ThreadValue<?>[] fewer = new ThreadValue<?>[values.length - 1];
        System.arraycopy(values, 0, fewer, 0, at);
        System.arraycopy(values, at + 1, fewer, at, values.length - at - 1);
        values = fewer.length == 0 ? NONE : fewer;
        return true;
    }

    /** The index of {@code target}, or of the adapter of the {@link ThreadLocal} {@code target}. */
    private static int indexOf(Object target) {
        ThreadValue<?>[] current = values;
        for (int i = 0; i < current.length; i++) {
            ThreadValue<?> value = current[i];
            if (value == target || value instanceof PropagatedThreadLocal
                    && ((PropagatedThreadLocal<?>) value).threadLocal == target) {
                return i;
            }
        }
        return -1;
    }
}
