package org.jasyncio.internal.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.Channel;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Transport;

/**
 * The connect sequence of {@code createConnection} for one address, written once for both loop types:
 * open a channel, connect it, then make its transport; whichever way it ends, nothing leaks (a
 * channel whose connection failed, was cancelled or arrived too late is closed). A loop type supplies
 * only how a channel opens, how it connects (readiness or a completion) and which transport it gets.
 * Internal to jasyncio: not for users.
 *
 * @param <C> the loop type's socket channel
 */
public final class OutgoingConnection<C extends Channel> {

    /** Opens a channel for the address, its options (TCP_NODELAY) set. */
    @FunctionalInterface
    public interface Opener<C> {
        C open() throws IOException;
    }

    /**
     * Starts connecting {@code channel}: a future of the loop that completes once connected, or fails
     * with a {@code ConnectionException} naming the address. Cancelling it abandons the attempt.
     */
    @FunctionalInterface
    public interface Connector<C> {
        Future<Void> connect(C channel);
    }

    /** The transport of the connected {@code channel}, whose protocol comes from the caller's factory. */
    @FunctionalInterface
    public interface Transports<C> {
        StreamTransportBase make(C channel) throws IOException;
    }

    private final Opener<C> opener;
    private final Connector<C> connector;
    private final Transports<C> transports;

    public OutgoingConnection(Opener<C> opener, Connector<C> connector, Transports<C> transports) {
        this.opener = opener;
        this.connector = connector;
        this.transports = transports;
    }

    /**
     * Connects to {@code address}: the future completes after the protocol's {@code connectionMade}
     * returned; cancelling it closes the channel.
     */
    public Future<Transport> start(EventLoop loop, SocketAddress address) {
        Future<Transport> made = loop.createFuture();
        C channel;
        try {
            channel = opener.open();
        } catch (IOException e) {
            made.setException(ConnectionErrors.onConnect(e, SocketCalls.describe(address)));
            return made;
        }
        Future<Void> connected;
        try {
            connected = connector.connect(channel);
        } catch (RuntimeException e) {
            QuietClose.close(channel);
            made.setException(e);
            return made;
        }
        connected.addDoneCallback(done -> {
            if (!made.done() && !done.cancelled() && done.exception() == null) {
                TransportMaker.startConnected(channel, () -> transports.make(channel), made);
                return;
            }
            QuietClose.close(channel);
            if (made.done()) {
                return;
            }
            if (done.cancelled()) {
                made.cancel();
            } else {
                made.setException(done.exception());
            }
        });
        made.addDoneCallback(done -> {
            if (done.cancelled()) {
                connected.cancel();
                QuietClose.close(channel);
            }
        });
        return made;
    }
}
