package org.jasyncio.internal.proactor;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.RejectedExecutionException;
import org.jasyncio.DatagramProtocol;
import org.jasyncio.DatagramTransport;
import org.jasyncio.internal.net.QuietClose;

/**
 * A UDP endpoint on a proactor loop. The JDK has no asynchronous datagram channel, so a thread of the
 * driver's receiver pool blocks in {@link DatagramChannel#receive} and posts each datagram (a copy) to
 * the loop, keeping one receive outstanding as asyncio's proactor does. Sends go out at once from the
 * loop's thread: a UDP send does not wait for the peer, so nothing is ever queued. Failures go to
 * {@link DatagramProtocol#errorReceived} and the endpoint stays open. Internal to jasyncio.
 */
final class BlockingDatagramTransport implements DatagramTransport {

    /** The largest UDP payload over IPv4. */
    private static final int MAX_DATAGRAM = 65_507;

    private final ProactorDriver driver;
    private final DatagramChannel channel;
    private final DatagramProtocol protocol;
    private final SocketAddress remote;
    private final SocketAddress sockname;
    private boolean closing;
    private boolean lost;

    BlockingDatagramTransport(ProactorDriver driver, DatagramChannel channel, DatagramProtocol protocol,
            SocketAddress remote) throws IOException {
        this.driver = driver;
        this.channel = channel;
        this.protocol = protocol;
        this.remote = remote;
        this.sockname = channel.getLocalAddress();
    }

    void start() {
        driver.loop().callSoon(() -> {
            protocol.connectionMade(this);
            if (closing) {
                return;
            }
            try {
                driver.datagramReceivers().execute(this::receiveUntilClosed);
            } catch (RejectedExecutionException e) {
                abort();
            }
        });
    }

    /** On a receiver thread: each datagram, or each receive failure, goes to the loop. */
    private void receiveUntilClosed() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        while (channel.isOpen()) {
            buffer.clear();
            try {
                SocketAddress from = channel.receive(buffer);
                buffer.flip();
                ByteBuffer datagram = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
                driver.post(() -> {
                    if (!closing) {
                        protocol.datagramReceived(datagram, from);
                    }
                });
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                driver.post(() -> {
                    if (!closing) {
                        protocol.errorReceived(e);
                    }
                });
            }
        }
    }

    @Override
    public void sendto(ByteBuffer data, SocketAddress address) {
        if (remote != null && address != null && !address.equals(remote)) {
            throw new IllegalArgumentException("Invalid address: must be None or " + remote);
        }
        SocketAddress target = address != null ? address : remote;
        if (target == null) {
            throw new IllegalArgumentException("Invalid address: the endpoint is not connected, give an address");
        }
        if (closing) {
            return;
        }
        try {
            if (remote != null) {
                channel.write(data);
            } else {
                channel.send(data, target);
            }
        } catch (IOException e) {
            protocol.errorReceived(e);
        }
    }

    @Override
    public void close() {
        abort();
    }

    @Override
    public void abort() {
        if (closing) {
            return;
        }
        closing = true;
        scheduleConnectionLost();
    }

    private void scheduleConnectionLost() {
        if (lost) {
            return;
        }
        lost = true;
        driver.loop().callSoon(() -> {
            try {
                protocol.connectionLost(null);
            } finally {
                // Closing ends the receiver thread's blocking receive with AsynchronousCloseException.
                QuietClose.close(channel);
            }
        });
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public long getWriteBufferSize() {
        return 0;
    }

    @Override
    public Object getExtraInfo(String name) {
        switch (name) {
            case "sockname":
                return sockname;
            case "peername":
                return remote;
            case "socket":
                return channel;
            default:
                return null;
        }
    }
}
