package org.jasyncio;

/**
 * asyncio's {@code BoundedSemaphore}: a {@link Semaphore} that refuses to be released more often
 * than it was acquired, which catches a doubled {@code release()} in a {@code finally}.
 */
public final class BoundedSemaphore extends Semaphore {
    private final int bound;

    /** A bounded semaphore with one permit. */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * @param value how many permits exist, all free at first
     * @throws IllegalArgumentException "Semaphore initial value must be >= 0" if negative
     */
    public BoundedSemaphore(int value) {
        super(value);
        bound = value;
    }

    /**
     * Gives a permit back; the oldest waiter, if any, gets it.
     *
     * @throws IllegalArgumentException "BoundedSemaphore released too many times" if every
     *     permit is already free
     */
    @Override
    public void release() {
        if (value() >= bound) {
            throw new IllegalArgumentException("BoundedSemaphore released too many times");
        }
        super.release();
    }
}
