package org.jasyncio;

/** Thrown when the queue is full: putNowait() found no free slot (asyncio's QueueFull). */
public class QueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public QueueFullException(String message) {
        super(message);
    }
}
