package org.jasyncio;

/**
 * asyncio's {@code ConnectionError}: a connection could not be made or broke. The JDK's
 * {@link java.io.IOException}, when there is one, is the cause. Subclasses name the common cases:
 * {@link ConnectionRefusedException}, {@link ConnectionResetException}.
 */
public class ConnectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, naming the peer where known
     * @param cause the JDK's exception, or {@code null}
     */
    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
