package org.jasyncio.internal.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
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

    /** Calls {@code callback} on the loop whenever {@code channel} is readable (or acceptable); replaces a previous reader. */
    void addReader(SelectableChannel channel, Runnable callback);

    /** @return whether a reader was registered for {@code channel} */
    boolean removeReader(SelectableChannel channel);

    /** Calls {@code callback} on the loop whenever {@code channel} is writable (or its connect finished); replaces a previous writer. */
    void addWriter(SelectableChannel channel, Runnable callback);

    /** @return whether a writer was registered for {@code channel} */
    boolean removeWriter(SelectableChannel channel);

    /** Connects the non-blocking {@code channel} to {@code address}; fails with a {@code ConnectionException}. */
    Future<Void> sockConnect(SocketChannel channel, SocketAddress address);

    /** The next accepted connection, in non-blocking mode. */
    Future<SocketChannel> sockAccept(ServerSocketChannel channel);

    /** Reads into {@code buffer} once some bytes are there: how many (-1 at end of stream). */
    Future<Integer> sockRecvInto(SocketChannel channel, ByteBuffer buffer);

    /** Writes all remaining bytes of {@code data}, waiting for the socket as needed. */
    Future<Void> sockSendall(SocketChannel channel, ByteBuffer data);

    /**
     * Connects to {@code address}, then makes the protocol with {@code factory} and a transport for it;
     * the future completes after {@link Protocol#connectionMade} returned. Failures are the JDK's
     * {@link IOException}s (the caller names the address in its message); cancelling the future
     * closes the socket.
     */
    Future<Transport> connect(InetSocketAddress address, Supplier<? extends Protocol> factory);

    /**
     * Binds and listens on {@code address}; accepts (once {@link Listener#startAccepting()} is called)
     * into transports whose protocols come from {@code connections}.
     */
    Listener listen(InetSocketAddress address, ServerOptions options, ServerConnections connections)
            throws IOException;

    /**
     * Opens a UDP endpoint bound to {@code local} ({@code null}: any port) and, if {@code remote} is not
     * {@code null}, connected to it; {@link DatagramProtocol#connectionMade} is called on the loop's
     * next iteration.
     */
    DatagramTransport openDatagram(InetSocketAddress local, InetSocketAddress remote, DatagramProtocol protocol)
            throws IOException;
}
