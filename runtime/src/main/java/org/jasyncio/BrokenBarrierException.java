package org.jasyncio;

/**
 * asyncio's {@code BrokenBarrierError}: a {@link Barrier} was aborted or reset while a task
 * waited at it, or a task tried to wait at a barrier that is broken.
 */
public class BrokenBarrierException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, e.g. "Barrier aborted" */
    public BrokenBarrierException(String message) {
        super(message);
    }
}
