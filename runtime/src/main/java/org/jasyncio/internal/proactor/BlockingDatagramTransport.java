package org.jasyncio.internal.proactor;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.RejectedExecutionException;
import org.jasyncio.DatagramProtocol;
import org.jasyncio.internal.net.DatagramTransportBase;

/**
 * A UDP endpoint on a proactor loop. The JDK has no asynchronous datagram channel, so a thread of the
 * driver's receiver pool blocks in {@link DatagramChannel#receive} and posts each datagram (a copy) to
 * the loop, keeping one receive outstanding as asyncio's proactor does. Sends go out at once from the
 * loop's thread: a UDP send does not wait for the peer, so nothing is ever queued. Failures go to
 * {@link DatagramProtocol#errorReceived} and the endpoint stays open. Internal to jasyncio.
 */
final class BlockingDatagramTransport extends DatagramTransportBase {

    /** The largest UDP payload over IPv4. */
    private static final int MAX_DATAGRAM = 65_507;

    private final ProactorDriver driver;

    BlockingDatagramTransport(ProactorDriver driver, DatagramChannel channel, DatagramProtocol protocol,
            SocketAddress remote) throws IOException {
        super(driver.loop(), channel, protocol, remote);
        this.driver = driver;
    }

    @Override
    protected void startReceiving() {
        try {
            driver.datagramReceivers().execute(this::receiveUntilClosed);
        } catch (RejectedExecutionException e) {
            abort();
        }
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
        SocketAddress target = target(address);
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

    @Override
    public long getWriteBufferSize() {
        return 0;
    }
}
