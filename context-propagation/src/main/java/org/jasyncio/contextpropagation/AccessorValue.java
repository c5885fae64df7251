package org.jasyncio.contextpropagation;

import io.micrometer.context.ThreadLocalAccessor;
import org.jasyncio.ThreadValue;

/**
 * One Micrometer {@link ThreadLocalAccessor} as a jasyncio {@link ThreadValue}: Micrometer's "no value"
 * calls ({@code setValue()}, {@code restore()}) stand for {@code null}, as its own scopes use them.
 */
final class AccessorValue<V> implements ThreadValue<V> {

    private final ThreadLocalAccessor<V> accessor;

    AccessorValue(ThreadLocalAccessor<V> accessor) {
        this.accessor = accessor;
    }

    @Override
    public V get() {
        return accessor.getValue();
    }

    @Override
    public void set(V value) {
        if (value == null) {
            accessor.setValue();
        } else {
            accessor.setValue(value);
        }
    }

    @Override
    public void restore(V previous) {
        if (previous == null) {
            accessor.restore();
        } else {
            accessor.restore(previous);
        }
    }

    @Override
    public String toString() {
        return "ThreadLocalAccessor " + accessor.key();
    }
}
