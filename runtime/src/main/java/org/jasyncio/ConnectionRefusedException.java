package org.jasyncio;

/**
 * asyncio's {@code ConnectionRefusedError}: nothing listens at the address a connection was attempted
 * to; the message names {@code host:port}.
 */
public class ConnectionRefusedException extends ConnectionException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, naming {@code host:port}
     * @param cause the JDK's {@link java.net.ConnectException}
     */
    public ConnectionRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
