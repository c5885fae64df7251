package org.jasyncio.internal.net;

import java.io.IOException;
import java.nio.channels.Channel;
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

    /**
     * Gives an accepted {@code channel} its transport, attaches and starts it; if that fails, the
     * channel is closed and the failure reported, and the server goes on accepting. Both loop
     * types' listeners end here.
     */
    default void adopt(Channel channel, TransportMaker maker) {
        StreamTransportBase transport;
        try {
            transport = maker.make();
        } catch (IOException | RuntimeException e) {
            QuietClose.close(channel);
            report("Error on transport creation for incoming connection", e);
            return;
        }
        attach(transport);
        transport.start(null);
    }
}
