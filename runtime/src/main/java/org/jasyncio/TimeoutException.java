package org.jasyncio;

/**
 * asyncio's {@code TimeoutError}: thrown by awaiting {@link AsyncIO#waitFor} or a
 * {@link Timeout} whose deadline passed before the work finished (the work was cancelled).
 * Unchecked, unlike {@link java.util.concurrent.TimeoutException}.
 */
public class TimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message which deadline expired
     */
    public TimeoutException(String message) {
        super(message);
    }
}
