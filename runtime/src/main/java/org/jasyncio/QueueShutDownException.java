package org.jasyncio;

/** Thrown when the queue was shut down: no more put(), and get() once it is empty (asyncio's QueueShutDown). */
public class QueueShutDownException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public QueueShutDownException(String message) {
        super(message);
    }
}
