package org.jasyncio.internal.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SelectableChannel;
import java.util.function.Supplier;
import org.jasyncio.DatagramProtocol;
import org.jasyncio.DatagramTransport;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.ServerOptions;
import org.jasyncio.Transport;

/**
 * The loop-type-specific half of network I/O: what a {@code SelectorEventLoop} does with readiness and
 * a {@code ProactorEventLoop} does with completions. Internal to jasyncio: not for users.
 *
 * <p>{@code EventLoop} does everything else (argument checks, name resolution, trying each address,
 * error messages naming {@code host:port}, streams and {@code Server} bookkeeping) and calls these
 * methods on the loop's thread only. Futures returned are futures of the loop; failures are
 * jasyncio's unchecked exceptions (see {@link ConnectionErrors}).
 */
public interface NetworkDriver {

    /**
     * {@code addReader}/{@code addWriter} and asyncio's {@code sock_*} calls on {@link SelectableChannel}s,
     * watched by the loop's {@link Readiness}.
     */
    SocketCalls socketCalls();

    /**
     * Connects to {@code address} (TCP, or a Unix-domain path where {@link #supportsUnixSockets()}),
     * then makes the protocol with {@code factory} and a transport for it; the future completes after
     * {@link Protocol#connectionMade} returned. Failures are jasyncio's {@code ConnectionException}s
     * naming the address; cancelling the future closes the socket.
     */
    Future<Transport> connect(SocketAddress address, Supplier<? extends Protocol> factory);

    /**
     * Binds and listens on {@code address} (as for {@link #connect}); accepts (once
     * {@link Listener#startAccepting()} is called) into transports whose protocols come from
     * {@code connections}.
     */
    Listener listen(SocketAddress address, ServerOptions options, ServerConnections connections)
            throws IOException;

    /** Whether {@link #connect} and {@link #listen} take {@link java.net.UnixDomainSocketAddress}es. */
    boolean supportsUnixSockets();

    /**
     * Opens a UDP endpoint bound to {@code local} ({@code null}: any port) and, if {@code remote} is not
     * {@code null}, connected to it; {@link DatagramProtocol#connectionMade} is called on the loop's
     * next iteration.
     */
    DatagramTransport openDatagram(InetSocketAddress local, InetSocketAddress remote, DatagramProtocol protocol)
            throws IOException;

    /**
     * Releases what the driver holds beyond the loop's poller (a proactor's channel group and selector
     * thread, closing every socket still open on them). Called once, by the loop's {@code close()}.
     */
    default void close() {
    }
}
