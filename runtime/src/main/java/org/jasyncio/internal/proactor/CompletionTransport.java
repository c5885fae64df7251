package org.jasyncio.internal.proactor;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.Transport;
import org.jasyncio.internal.net.TransportFaults;
import org.jasyncio.internal.net.WriteFlowControl;
import org.jasyncio.internal.net.ServerConnections;

/**
 * A TCP connection on a proactor loop (asyncio's {@code _ProactorSocketTransport}): one read and one
 * (gathering) write outstanding at a time, their completions posted back to the loop's thread.
 *
 * <p>Reads go into the transport's own buffer, which starts at {@value #MIN_READ} bytes and doubles
 * after each read that fills it, up to {@value #MAX_READ} (asyncio's 256 KiB), and halves after reads
 * that use less than a quarter: a proactor's reads are outstanding on every idle connection at once, so
 * a buffer cannot be shared as the selector loop shares one. {@link #write} copies the data and starts a
 * write at once if none is outstanding, else queues it; the bytes of the outstanding write count in
 * {@link #getWriteBufferSize()}, so the protocol is paused above the high-water mark (64 KiB) and
 * resumed at the low-water mark (16 KiB) as on the selector loop. A read that completes while reading
 * is paused is held and delivered on {@link #resumeReading()}. Internal to jasyncio.
 */
final class CompletionTransport implements Transport {

    static final int MIN_READ = 16 * 1024;
    static final int MAX_READ = 256 * 1024;
    /** How many queued buffers one gathering write takes at most. */
    private static final int MAX_GATHER = 64;

    private final ProactorDriver driver;
    private final AsynchronousSocketChannel channel;
    private final Protocol protocol;
    private final ServerConnections server;
    private final TransportFaults faults;
    private final WriteFlowControl flow;
    private final SocketAddress peername;
    private final SocketAddress sockname;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private final ByteBuffer[] gather = new ByteBuffer[MAX_GATHER];
    private final ReadCompletion reads = new ReadCompletion();
    private final WriteCompletion writes = new WriteCompletion();
    private ByteBuffer readBuffer = ByteBuffer.allocate(MIN_READ);
    private long buffered;
    private boolean reading;
    private boolean writing;
    private boolean heldRead;
    private int heldCount;
    private boolean readingPaused;
    private boolean closing;
    private boolean eofRequested;
    private boolean lost;

    CompletionTransport(ProactorDriver driver, AsynchronousSocketChannel channel, Protocol protocol,
            ServerConnections server) throws IOException {
        this.driver = driver;
        this.channel = channel;
        this.protocol = protocol;
        this.server = server;
        this.faults = new TransportFaults(driver.loop(), this, protocol);
        this.flow = new WriteFlowControl(protocol, faults);
        this.peername = channel.getRemoteAddress();
        this.sockname = channel.getLocalAddress();
    }

    /**
     * Schedules {@link Protocol#connectionMade}, then starts reading and completes {@code made} (if not
     * {@code null}) with this transport.
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
            readNext();
            if (made != null && !made.done()) {
                made.setResult(this);
            }
        });
    }

    private void readNext() {
        if (reading || readingPaused || closing) {
            return;
        }
        reading = true;
        try {
            channel.read(readBuffer, null, reads);
        } catch (RuntimeException e) {
            reading = false;
            fatal(e, "Fatal read error on socket transport");
        }
    }

    /** On the loop's thread: the outstanding read completed with {@code count} bytes (-1: end of stream). */
    private void onRead(int count, Throwable failure) {
        reading = false;
        if (closing) {
            // Our own close stopped the read, or its bytes arrived after close(): nobody reads them.
            return;
        }
        if (failure != null) {
            fatal(failure, "Fatal read error on socket transport");
            return;
        }
        if (readingPaused) {
            heldRead = true;
            heldCount = count;
            return;
        }
        deliver(count);
    }

    private void deliver(int count) {
        if (count < 0) {
            readEof();
            return;
        }
        readBuffer.flip();
        // The buffer is the protocol's until dataReceived returns: a resumeReading() inside it must not start a read.
        reading = true;
        try {
            protocol.dataReceived(readBuffer);
        } catch (RuntimeException e) {
            fatal(e, "Fatal error: protocol.dataReceived() call failed.");
            return;
        } finally {
            reading = false;
        }
        resizeReadBuffer(count);
        readNext();
    }

    private void resizeReadBuffer(int count) {
        int capacity = readBuffer.capacity();
        if (count == capacity && capacity < MAX_READ) {
            readBuffer = ByteBuffer.allocate(capacity * 2);
        } else if (count < capacity / 4 && capacity > MIN_READ) {
            readBuffer = ByteBuffer.allocate(capacity / 2);
        } else {
            readBuffer.clear();
        }
    }

    private void readEof() {
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
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        pending.add(copy);
        buffered += copy.remaining();
        if (!writing) {
            writeNext();
        }
        flow.grew(buffered);
    }

    private void writeNext() {
        int count = 0;
        for (ByteBuffer chunk : pending) {
            gather[count++] = chunk;
            if (count == MAX_GATHER) {
                break;
            }
        }
        writing = true;
        try {
            channel.write(gather, 0, count, 0L, TimeUnit.MILLISECONDS, null, writes);
        } catch (RuntimeException e) {
            writing = false;
            fatal(e, "Fatal write error on socket transport");
        }
    }

    /** On the loop's thread: the outstanding write took {@code written} bytes. */
    private void onWritten(long written, Throwable failure) {
        writing = false;
        if (lost) {
            return;
        }
        if (failure != null) {
            fatal(failure, "Fatal write error on socket transport");
            return;
        }
        buffered -= written;
        while (!pending.isEmpty() && !pending.peek().hasRemaining()) {
            pending.poll();
        }
        if (!pending.isEmpty()) {
            writeNext();
        }
        flow.shrank(buffered);
        if (!pending.isEmpty()) {
            return;
        }
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
        if (!writing) {
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
        if (!writing) {
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
    }

    @Override
    public void resumeReading() {
        if (closing || !readingPaused) {
            return;
        }
        readingPaused = false;
        if (heldRead) {
            heldRead = false;
            int count = heldCount;
            // asyncio delivers held data from the loop, not inside resume_reading().
            driver.loop().callSoon(() -> {
                if (!closing) {
                    deliver(count);
                }
            });
        } else {
            readNext();
        }
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
        pending.clear();
        buffered = 0;
        closing = true;
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
            // Closing fails the outstanding read (and write) with AsynchronousCloseException; both are ignored.
            ProactorDriver.closeQuietly(channel);
            if (server != null) {
                server.detach(this);
            }
        }
    }

    @Override
    public String toString() {
        return "<CompletionTransport " + sockname + " -> " + peername + (closing ? " closing" : "") + ">";
    }

    /** The read handler: one per transport, since one read is outstanding at a time. */
    private final class ReadCompletion implements CompletionHandler<Integer, Void>, Runnable {
        /** Written by a group thread before posting; the loop's inbox makes it visible to the loop. */
        int count;
        Throwable failure;

        @Override
        public void completed(Integer result, Void attachment) {
            count = result;
            failure = null;
            driver.post(this);
        }

        @Override
        public void failed(Throwable exception, Void attachment) {
            failure = exception;
            driver.post(this);
        }

        @Override
        public void run() {
            onRead(count, failure);
        }
    }

    /** The write handler: one per transport, since one write is outstanding at a time. */
    private final class WriteCompletion implements CompletionHandler<Long, Void>, Runnable {
        long written;
        Throwable failure;

        @Override
        public void completed(Long result, Void attachment) {
            written = result;
            failure = null;
            driver.post(this);
        }

        @Override
        public void failed(Throwable exception, Void attachment) {
            failure = exception;
            driver.post(this);
        }

        @Override
        public void run() {
            onWritten(written, failure);
        }
    }
}
