package org.jasyncio.internal.selector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import org.jasyncio.Protocol;
import org.jasyncio.internal.net.ServerConnections;
import org.jasyncio.internal.net.QuietClose;
import org.jasyncio.internal.net.StreamTransportBase;

/**
 * A TCP connection on a selector loop (asyncio's {@code _SelectorSocketTransport}). Reads up to
 * {@value SelectorDriver#READ_CHUNK} bytes per readiness event into the driver's shared buffer; writes
 * at once and registers a writer only for what the socket did not take. Internal to jasyncio.
 */
final class SocketTransport extends StreamTransportBase {

    private final SelectorDriver driver;
    private final SocketChannel channel;
    private final Registration registration;
    private final Runnable onReadable = this::onReadable;
    private final Runnable onWritable = this::onWritable;

    SocketTransport(SelectorDriver driver, SocketChannel channel, Protocol protocol, ServerConnections server)
            throws IOException {
        super(driver.loop(), channel, channel.getRemoteAddress(), protocol, server);
        this.driver = driver;
        this.channel = channel;
        this.registration = driver.registration(channel);
    }

    @Override
    protected void startReading() {
        if (!closing && !readingPaused) {
            registration.setReader(onReadable);
        }
    }

    @Override
    protected void stopReading() {
        registration.setReader(null);
    }

    @Override
    protected void stopWriting() {
        registration.setWriter(null);
    }

    private void onReadable() {
        if (closing) {
            return;
        }
        ByteBuffer buffer = driver.readBuffer();
        int n;
        try {
            n = channel.read(buffer);
        } catch (IOException e) {
            fatal(e, "Fatal read error on socket transport");
            return;
        }
        if (n > 0) {
            buffer.flip();
            try {
                protocol.dataReceived(buffer);
            } catch (RuntimeException e) {
                fatal(e, "Fatal error: protocol.dataReceived() call failed.");
            }
        } else if (n < 0) {
            registration.setReader(null);
            readEof();
        }
    }

    @Override
    public void write(ByteBuffer data) {
        if (discardsWrite(data)) {
            return;
        }
        if (pending.isEmpty()) {
            try {
                channel.write(data);
            } catch (IOException e) {
                fatal(e, "Fatal write error on socket transport");
                return;
            }
            if (!data.hasRemaining()) {
                return;
            }
            registration.setWriter(onWritable);
        }
        queueCopy(data);
        flow.grew(buffered);
    }

    private void onWritable() {
        if (pending.isEmpty()) {
            registration.setWriter(null);
            return;
        }
        try {
            int count = gatherPending();
            long written = channel.write(gather, 0, count);
            Arrays.fill(gather, 0, count, null);
            written(written);
        } catch (IOException e) {
            fatal(e, "Fatal write error on socket transport");
            return;
        }
        flow.shrank(buffered);
        if (!pending.isEmpty()) {
            return;
        }
        registration.setWriter(null);
        flushed();
    }

    @Override
    protected void shutdownChannelOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    protected void closeChannel() {
        registration.setReader(null);
        registration.setWriter(null);
        QuietClose.close(channel);
    }
}
