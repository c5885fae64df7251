package org.jasyncio;

import java.util.concurrent.CancellationException;

/**
 * asyncio's {@code CancelledError}: thrown by {@link AsyncIO#await} in a task that was
 * cancelled, and by {@link Future#result()} or {@link Future#exception()} of a cancelled
 * future. A task may catch it and go on; the task counts as cancelled only if the exception
 * escapes its body. The message is the one given to {@code cancel(msg)}, or {@code null}.
 */
public class CancelledException extends CancellationException {
    private static final long serialVersionUID = 1L;

    /** A cancellation without a message. */
    public CancelledException() {
        super();
    }

    /**
     * A cancellation carrying the message given to {@code cancel(msg)}.
     *
     * @param message why the task or future was cancelled, or {@code null}
     */
    public CancelledException(String message) {
        super(message);
    }
}
