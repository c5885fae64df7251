package org.jasyncio;

/** Thrown when the queue is empty: getNowait() found no item (asyncio's QueueEmpty). */
public class QueueEmptyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public QueueEmptyException(String message) {
        super(message);
    }
}
