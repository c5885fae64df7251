package org.jasyncio.internal.selector;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jasyncio.DatagramProtocol;
import org.jasyncio.DatagramTransport;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.ServerOptions;
import org.jasyncio.Transport;
import org.jasyncio.internal.net.Readiness;
import org.jasyncio.internal.net.OutgoingConnection;
import org.jasyncio.internal.net.NetworkDriver;
import org.jasyncio.internal.net.SocketCalls;
import org.jasyncio.internal.net.ServerConnections;
import org.jasyncio.internal.net.QuietClose;
import org.jasyncio.internal.net.ChannelInterest;
import org.jasyncio.internal.net.SocketSetup;
import org.jasyncio.internal.net.Listener;

/**
 * {@link NetworkDriver} of a selector loop: readiness callbacks on the loop's {@link SelectorPoller},
 * asyncio's {@code sock_*} calls as try-now-else-wait-for-readiness, and socket transports. Internal
 * to jasyncio: not for users.
 */
public final class SelectorDriver implements NetworkDriver, Readiness {

    /** How many bytes one readiness event reads at most (asyncio's {@code max_size}). */
    public static final int READ_CHUNK = 256 * 1024;

    private final EventLoop loop;
    private final SelectorPoller poller;
    private final Consumer<Runnable> enqueue;
    private final SocketCalls socketCalls = new SocketCalls(this);
    private ByteBuffer readBuffer;

    /**
     * A driver for {@code loop}, registering channels with {@code poller}'s selector and queuing ready
     * callbacks with {@code enqueue} (the loop's handle-free {@code callSoon}).
     */
    public SelectorDriver(EventLoop loop, SelectorPoller poller, Consumer<Runnable> enqueue) {
        this.loop = loop;
        this.poller = poller;
        this.enqueue = enqueue;
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    Selector selector() {
        return poller.selector();
    }

    /** Releases the sockets of the channels closed so far at once (see {@link SelectorPoller#deregisterCancelledKeys}). */
    void releaseClosedChannels() {
        poller.deregisterCancelledKeys();
    }

    void enqueue(Runnable callback) {
        enqueue.accept(callback);
    }

    /**
     * The loop's one read buffer, cleared: reads complete on the loop's thread and hand the bytes over
     * before the next read, so one buffer serves every connection.
     */
    ByteBuffer readBuffer() {
        if (readBuffer == null) {
            readBuffer = ByteBuffer.allocateDirect(READ_CHUNK);
        }
        readBuffer.clear();
        return readBuffer;
    }

    /** The registration of {@code channel}, put in non-blocking mode. */
    Registration registration(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector());
        if (key != null && key.attachment() instanceof Registration) {
            return (Registration) key.attachment();
        }
        Readiness.makeNonBlocking(channel);
        return new Registration(this, channel);
    }

    @Override
    public SocketCalls socketCalls() {
        return socketCalls;
    }

    @Override
    public ChannelInterest interest(SelectableChannel channel) {
        return registration(channel);
    }

    @Override
    public ChannelInterest existingInterest(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector());
        return key != null && key.attachment() instanceof Registration ? (Registration) key.attachment() : null;
    }

    @Override
    public Future<Transport> connect(SocketAddress address, Supplier<? extends Protocol> factory) {
        return new OutgoingConnection<SocketChannel>(
                () -> {
                    SocketChannel channel = SocketChannel.open(SocketSetup.familyOf(address));
                    channel.configureBlocking(false);
                    SocketSetup.noDelay(channel);
                    return channel;
                },
                channel -> socketCalls.connect(channel, address),
                channel -> new SocketTransport(this, channel, factory.get(), null)).start(loop, address);
    }

    @Override
    public Listener listen(SocketAddress address, ServerOptions options, ServerConnections connections)
            throws IOException {
        return listen(address, options, connections, ServerSocketChannel::accept);
    }

    /** {@link #listen(SocketAddress, ServerOptions, ServerConnections)} accepting with {@code accept} (tests inject failures). */
    public Listener listen(SocketAddress address, ServerOptions options, ServerConnections connections,
            Acceptor.AcceptCall accept) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open(SocketSetup.familyOf(address));
        try {
            SocketSetup.reuseAddresses(channel, options);
            channel.bind(address, options.backlog());
            channel.configureBlocking(false);
        } catch (IOException | RuntimeException e) {
            QuietClose.close(channel);
            throw e;
        }
        return new Acceptor(this, channel, options.backlog(), connections, accept);
    }

    /** A transport for an accepted {@code channel}, attached to {@code connections}. */
    void accepted(SocketChannel channel, ServerConnections connections) {
        connections.adopt(channel, () -> {
            channel.configureBlocking(false);
            SocketSetup.noDelay(channel);
            return new SocketTransport(this, channel, connections.newProtocol(), connections);
        });
    }

    @Override
    public boolean supportsUnixSockets() {
        return true;
    }

    @Override
    public DatagramTransport openDatagram(InetSocketAddress local, InetSocketAddress remote, DatagramProtocol protocol)
            throws IOException {
        DatagramChannel channel = SocketSetup.openDatagram(local, remote);
        try {
            channel.configureBlocking(false);
            DatagramEndpointTransport transport = new DatagramEndpointTransport(this, channel, protocol, remote);
            transport.start();
            return transport;
        } catch (IOException | RuntimeException e) {
            QuietClose.close(channel);
            throw e;
        }
    }
}
