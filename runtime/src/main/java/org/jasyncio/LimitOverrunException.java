package org.jasyncio;

/**
 * asyncio's {@code LimitOverrunError}: {@link StreamReader#readuntil} or {@link StreamReader#readline}
 * would have returned more than the reader's limit. {@link #consumed()} tells how many bytes to
 * consume (e.g. with {@code readexactly}) to get past them.
 */
public class LimitOverrunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int consumed;

    /**
     * @param message which limit was overrun
     * @param consumed how many buffered bytes the overrun involves
     */
    public LimitOverrunException(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /** How many buffered bytes the overrun involves. */
    public int consumed() {
        return consumed;
    }
}
