package org.jasyncio;

/**
 * asyncio's {@code InvalidStateError}: an operation that the future's state does not allow,
 * such as reading the result of a pending future ("Result is not set.") or setting the
 * result of a future that is already done.
 */
public class InvalidStateException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was attempted and the state that refused it
     */
    public InvalidStateException(String message) {
        super(message);
    }
}
