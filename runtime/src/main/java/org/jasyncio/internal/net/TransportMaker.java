package org.jasyncio.internal.net;

import java.io.IOException;
import java.nio.channels.Channel;
import org.jasyncio.Future;
import org.jasyncio.Transport;

/**
 * Sets up a connected channel and makes its transport, for either loop type. The two places a
 * transport is born, a connection made by {@code createConnection} and one accepted by a
 * server, share what happens when that fails: the channel is closed and nothing leaks.
 * Internal to jasyncio: not for users.
 */
@FunctionalInterface
public interface TransportMaker {

    StreamTransportBase make() throws IOException;

    /**
     * Makes and starts the transport of an outgoing connection; {@code made} completes once the
     * protocol's {@code connectionMade} returned, or fails (the channel closed) if making it failed.
     */
    static void startConnected(Channel channel, TransportMaker maker, Future<Transport> made) {
        StreamTransportBase transport;
        try {
            transport = maker.make();
        } catch (IOException e) {
            QuietClose.close(channel);
            made.setException(ConnectionErrors.onConnection(e));
            return;
        } catch (RuntimeException e) {
            QuietClose.close(channel);
            made.setException(e);
            return;
        }
        transport.start(made);
    }
}
