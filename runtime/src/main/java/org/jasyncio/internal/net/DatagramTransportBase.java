package org.jasyncio.internal.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.DatagramChannel;
import org.jasyncio.DatagramProtocol;
import org.jasyncio.DatagramTransport;
import org.jasyncio.EventLoop;

/**
 * What a UDP endpoint does alike on either loop type: its protocol and addresses, the checks on a
 * send's address, the closing/lost state and the close sequence ({@link DatagramProtocol#connectionLost}
 * on a later iteration, then the channel closes). A subclass says how datagrams move: on readiness
 * (the selector loop) or on blocking receiver threads (the proactor). Internal to jasyncio: not for
 * users.
 */
public abstract class DatagramTransportBase implements DatagramTransport {

    private final EventLoop loop;
    private final SocketExtraInfo extraInfo;
    /** The protocol this endpoint feeds. */
    protected final DatagramProtocol protocol;
    /** The endpoint's channel, bound (and connected if {@link #remote} is not {@code null}). */
    protected final DatagramChannel channel;
    /** The one peer of a connected endpoint, or {@code null}. */
    protected final SocketAddress remote;
    /** Set by {@code close()} and {@code abort()}; never cleared. */
    protected boolean closing;
    private boolean lost;

    /** An endpoint of {@code channel}, connected to {@code remote} if not {@code null}, serving {@code protocol} on {@code loop}. */
    protected DatagramTransportBase(EventLoop loop, DatagramChannel channel, DatagramProtocol protocol,
            SocketAddress remote) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.protocol = protocol;
        this.remote = remote;
        this.extraInfo = new SocketExtraInfo(remote, channel.getLocalAddress(), channel);
    }

    /** Starts receiving datagrams; called once, unless the endpoint was closed in {@code connectionMade}. */
    protected abstract void startReceiving();

    /** Schedules {@link DatagramProtocol#connectionMade}, then starts receiving. */
    public final void start() {
        loop.callSoon(() -> {
            protocol.connectionMade(this);
            if (!closing) {
                startReceiving();
            }
        });
    }

    /**
     * Where {@code sendto(data, address)} sends: {@code address}, or the peer of a connected endpoint.
     *
     * @throws IllegalArgumentException if a connected endpoint is given another address, or an
     *                                  unconnected one none (asyncio's messages)
     */
    protected final SocketAddress target(SocketAddress address) {
        if (remote != null && address != null && !address.equals(remote)) {
            throw new IllegalArgumentException("Invalid address: must be None or " + remote);
        }
        SocketAddress target = address != null ? address : remote;
        if (target == null) {
            throw new IllegalArgumentException("Invalid address: the endpoint is not connected, give an address");
        }
        return target;
    }

    /** Runs {@link DatagramProtocol#connectionLost} on a later iteration, then closes the channel; once. */
    protected final void scheduleConnectionLost() {
        if (lost) {
            return;
        }
        lost = true;
        loop.callSoon(() -> {
            try {
                protocol.connectionLost(null);
            } finally {
                // Closing also ends a receive blocked on the channel (AsynchronousCloseException).
                QuietClose.close(channel);
            }
        });
    }

    @Override
    public final boolean isClosing() {
        return closing;
    }

    @Override
    public final Object getExtraInfo(String name) {
        return extraInfo.get(name);
    }
}
