package org.jasyncio;

/**
 * State a thread holds on behalf of the code running on it, such as a {@link ThreadLocal} (logging
 * MDC, a tracing span, a security principal), that {@link Context#propagate(ThreadValue)} makes follow
 * each task and callback: the value is read when a task or callback is scheduled, set on the loop's
 * thread around each of its steps, and the thread's own value is put back after each step (Kotlin's
 * {@code ThreadContextElement}). {@link Context#propagate(ThreadLocal)} covers a plain
 * {@code ThreadLocal}; implement this for anything else, as Micrometer's {@code ThreadLocalAccessor}
 * adapter in {@code jasyncio-context-propagation} does.
 *
 * @param <T> the type of the value
 */
public interface ThreadValue<T> {

    /**
     * The value the calling thread holds now.
     *
     * @return the value, or {@code null} if it holds none
     */
    T get();

    /**
     * Makes the calling thread hold {@code value}, before a step of the task (or callback) that owns it.
     *
     * @param value the value, or {@code null} to hold none
     */
    void set(T value);

    /**
     * Gives the calling thread back the value it held before a step (what {@link #get()} answered
     * then). By default {@link #set}.
     *
     * @param previous the thread's own value, or {@code null} if it held none
     */
    default void restore(T previous) {
        set(previous);
    }
}
