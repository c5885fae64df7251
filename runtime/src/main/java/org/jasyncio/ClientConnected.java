package org.jasyncio;

/**
 * The handler {@link AsyncIO#startServer} calls for each client, as a task of its own: typically an
 * {@code @Async} method reference such as {@code Echo::handle}.
 */
@FunctionalInterface
public interface ClientConnected {

    /**
     * Serves one client. If the returned task fails, the failure is reported to the loop's exception
     * handler and the connection is closed.
     */
    Task<?> handle(StreamReader reader, StreamWriter writer);
}
