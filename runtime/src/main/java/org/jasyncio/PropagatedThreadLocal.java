package org.jasyncio;

/** A {@link ThreadLocal} as a {@link ThreadValue}, for {@link Context#propagate(ThreadLocal)}. */
final class PropagatedThreadLocal<T> implements ThreadValue<T> {

    final ThreadLocal<T> threadLocal;

    PropagatedThreadLocal(ThreadLocal<T> threadLocal) {
        this.threadLocal = threadLocal;
    }

    @Override
    public T get() {
        return threadLocal.get();
    }

    @Override
    public void set(T value) {
        // remove() rather than set(null): a thread that never had a value should not keep an entry
        if (value == null) {
            threadLocal.remove();
        } else {
            threadLocal.set(value);
        }
    }
}
