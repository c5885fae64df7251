package org.jasyncio.internal.selector;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import org.jasyncio.DatagramProtocol;
import org.jasyncio.internal.net.DatagramTransportBase;

/**
 * A UDP endpoint on a selector loop (asyncio's {@code _SelectorDatagramTransport}): one datagram per
 * readiness event; sends go out at once, or wait in a queue with a writer registered. Send and
 * receive failures go to {@link DatagramProtocol#errorReceived} and the endpoint stays open.
 * Internal to jasyncio: not for users.
 */
final class DatagramEndpointTransport extends DatagramTransportBase {

    private record Queued(ByteBuffer data, SocketAddress address) {
    }

    private final SelectorDriver driver;
    private final Registration registration;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private long buffered;

    DatagramEndpointTransport(SelectorDriver driver, DatagramChannel channel, DatagramProtocol protocol,
            SocketAddress remote) throws IOException {
        super(driver.loop(), channel, protocol, remote);
        this.driver = driver;
        this.registration = driver.registration(channel);
    }

    @Override
    protected void startReceiving() {
        registration.setReader(this::onReadable);
    }

    private void onReadable() {
        ByteBuffer buffer = driver.readBuffer();
        SocketAddress from;
        try {
            from = channel.receive(buffer);
        } catch (IOException e) {
            protocol.errorReceived(e);
            return;
        }
        if (from != null) {
            buffer.flip();
            protocol.datagramReceived(buffer, from);
        }
    }

    @Override
    public void sendto(ByteBuffer data, SocketAddress address) {
        SocketAddress target = target(address);
        if (closing) {
            return;
        }
        if (queue.isEmpty()) {
            try {
                if (send(data, target)) {
                    return;
                }
            } catch (IOException e) {
                protocol.errorReceived(e);
                return;
            }
            registration.setWriter(this::onWritable);
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        queue.add(new Queued(copy, target));
        buffered += copy.remaining();
    }

    private boolean send(ByteBuffer data, SocketAddress target) throws IOException {
        int size = data.remaining();
        int sent = remote != null ? channel.write(data) : channel.send(data, target);
        return sent > 0 || size == 0;
    }

    private void onWritable() {
        while (!queue.isEmpty()) {
            Queued head = queue.peek();
            int size = head.data().remaining();
            try {
                if (!send(head.data(), head.address())) {
                    return;
                }
            } catch (IOException e) {
                protocol.errorReceived(e);
            }
            queue.poll();
            buffered -= size;
        }
        registration.setWriter(null);
        if (closing) {
            scheduleConnectionLost();
        }
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        registration.setReader(null);
        if (queue.isEmpty()) {
            scheduleConnectionLost();
        }
    }

    @Override
    public void abort() {
        queue.clear();
        buffered = 0;
        registration.setWriter(null);
        closing = true;
        registration.setReader(null);
        scheduleConnectionLost();
    }

    @Override
    public long getWriteBufferSize() {
        return buffered;
    }
}
