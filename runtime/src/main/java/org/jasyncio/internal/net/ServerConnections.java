package org.jasyncio.internal.net;

import org.jasyncio.Protocol;
import org.jasyncio.Transport;

/** What a {@link Listener} reports to its server. Internal to jasyncio: not for users. */
public interface ServerConnections {

    /** A protocol for a connection just accepted. */
    Protocol newProtocol();

    /** A transport was made for an accepted connection. */
    void attach(Transport transport);

    /** That transport's connection is lost (after {@link Protocol#connectionLost}). */
    void detach(Transport transport);

    /** Reports a failure that has no caller to throw to (accept errors), as asyncio's loop does. */
    void report(String message, Throwable exception);
}
