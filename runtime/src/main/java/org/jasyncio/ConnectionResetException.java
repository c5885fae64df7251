package org.jasyncio;

/**
 * asyncio's {@code ConnectionResetError} (and {@code BrokenPipeError}): the peer reset the connection,
 * or the connection was lost while a writer waited in {@link StreamWriter#drain()} ("Connection lost").
 */
public class ConnectionResetException extends ConnectionException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened
     * @param cause the JDK's exception, or {@code null}
     */
    public ConnectionResetException(String message, Throwable cause) {
        super(message, cause);
    }
}
