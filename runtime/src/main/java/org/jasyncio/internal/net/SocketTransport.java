package org.jasyncio.internal.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.Transport;

/**
 * A TCP connection on a selector loop (asyncio's {@code _SelectorSocketTransport}). Reads up to
 * {@value SelectorDriver#READ_CHUNK} bytes per readiness event into the driver's shared buffer; writes
 * at once and registers a writer only for what the socket did not take. Internal to jasyncio.
 */
final class SocketTransport implements Transport {

    /** How many queued buffers one gathering write hands to the kernel at most. */
    private static final int MAX_GATHER = 64;

    private final SelectorDriver driver;
    private final SocketChannel channel;
    private final Protocol protocol;
    private final ServerConnections server;
    private final TransportFaults faults;
    private final WriteFlowControl flow;
    private final Registration registration;
    private final Runnable onReadable = this::onReadable;
    private final Runnable onWritable = this::onWritable;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private final ByteBuffer[] gather = new ByteBuffer[MAX_GATHER];
    private final SocketAddress peername;
    private final SocketAddress sockname;
    private long buffered;
    private boolean readingPaused;
    private boolean closing;
    private boolean eofRequested;
    private boolean lost;

    SocketTransport(SelectorDriver driver, SocketChannel channel, Protocol protocol, ServerConnections server)
            throws IOException {
        this.driver = driver;
        this.channel = channel;
        this.protocol = protocol;
        this.server = server;
        this.faults = new TransportFaults(driver.loop(), this, protocol);
        this.flow = new WriteFlowControl(protocol, faults);
        this.registration = driver.registration(channel);
        this.peername = channel.getRemoteAddress();
        this.sockname = channel.getLocalAddress();
    }

    /**
     * Schedules {@link Protocol#connectionMade}, then starts reading and completes {@code made} (if not
     * {@code null}) with this transport, as asyncio's transport constructor does.
     */
    void start(Future<Transport> made) {
        driver.loop().callSoon(() -> {
            try {
                protocol.connectionMade(this);
            } catch (RuntimeException e) {
                fatal(e, "Fatal error: protocol.connectionMade() call failed.");
                if (made != null && !made.done()) {
                    made.setException(e);
                }
                return;
            }
            if (!closing && !readingPaused) {
                registration.setReader(onReadable);
            }
            if (made != null && !made.done()) {
                made.setResult(this);
            }
        });
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
            readEof();
        }
    }

    private void readEof() {
        registration.setReader(null);
        boolean keepOpen;
        try {
            keepOpen = protocol.eofReceived();
        } catch (RuntimeException e) {
            fatal(e, "Fatal error: protocol.eofReceived() call failed.");
            return;
        }
        if (!keepOpen) {
            close();
        }
    }

    @Override
    public void write(ByteBuffer data) {
        if (eofRequested) {
            throw new IllegalStateException("Cannot call write() after writeEof()");
        }
        if (!data.hasRemaining() || closing) {
            data.position(data.limit());
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
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        pending.add(copy);
        buffered += copy.remaining();
        flow.grew(buffered);
    }

    private void onWritable() {
        if (pending.isEmpty()) {
            registration.setWriter(null);
            return;
        }
        try {
            int count = 0;
            for (ByteBuffer chunk : pending) {
                gather[count++] = chunk;
                if (count == MAX_GATHER) {
                    break;
                }
            }
            long written = channel.write(gather, 0, count);
            Arrays.fill(gather, 0, count, null);
            buffered -= written;
        } catch (IOException e) {
            fatal(e, "Fatal write error on socket transport");
            return;
        }
        while (!pending.isEmpty() && !pending.peek().hasRemaining()) {
            pending.poll();
        }
        flow.shrank(buffered);
        if (!pending.isEmpty()) {
            return;
        }
        registration.setWriter(null);
        if (closing) {
            scheduleConnectionLost(null);
        } else if (eofRequested) {
            shutdownOutput();
        }
    }

    @Override
    public void writeEof() {
        if (closing || eofRequested) {
            return;
        }
        eofRequested = true;
        if (pending.isEmpty()) {
            shutdownOutput();
        }
    }

    private void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            fatal(e, "Fatal error on shutting down the write side of a socket transport");
        }
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        registration.setReader(null);
        if (pending.isEmpty()) {
            scheduleConnectionLost(null);
        }
    }

    @Override
    public void abort() {
        forceClose(null);
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public void pauseReading() {
        if (closing || readingPaused) {
            return;
        }
        readingPaused = true;
        registration.setReader(null);
    }

    @Override
    public void resumeReading() {
        if (closing || !readingPaused) {
            return;
        }
        readingPaused = false;
        registration.setReader(onReadable);
    }

    @Override
    public boolean isReading() {
        return !readingPaused && !closing;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        flow.setLimits(high, low);
        flow.grew(buffered);
    }

    @Override
    public long getWriteBufferSize() {
        return buffered;
    }

    @Override
    public Object getExtraInfo(String name) {
        switch (name) {
            case "peername":
                return peername;
            case "sockname":
                return sockname;
            case "socket":
                return channel;
            default:
                return null;
        }
    }

    @Override
    public Protocol getProtocol() {
        return protocol;
    }

    private void fatal(Throwable failure, String message) {
        forceClose(faults.fatal(failure, message));
    }

    private void forceClose(Throwable exception) {
        if (lost) {
            return;
        }
        if (!pending.isEmpty()) {
            pending.clear();
            buffered = 0;
            registration.setWriter(null);
        }
        if (!closing) {
            closing = true;
            registration.setReader(null);
        }
        scheduleConnectionLost(exception);
    }

    private void scheduleConnectionLost(Throwable exception) {
        if (lost) {
            return;
        }
        lost = true;
        driver.loop().callSoon(() -> connectionLost(exception));
    }

    private void connectionLost(Throwable exception) {
        try {
            protocol.connectionLost(exception);
        } finally {
            registration.setReader(null);
            registration.setWriter(null);
            driver.closeQuietly(channel);
            if (server != null) {
                server.detach(this);
            }
        }
    }

    @Override
    public String toString() {
        return "<SocketTransport " + sockname + " -> " + peername + (closing ? " closing" : "") + ">";
    }
}
