package org.jasyncio.internal.proactor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.concurrent.TimeUnit;
import org.jasyncio.Protocol;
import org.jasyncio.internal.net.QuietClose;
import org.jasyncio.internal.net.ServerConnections;
import org.jasyncio.internal.net.StreamTransportBase;

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
final class CompletionTransport extends StreamTransportBase {

    static final int MIN_READ = 16 * 1024;
    static final int MAX_READ = 256 * 1024;

    private final ProactorDriver driver;
    private final AsynchronousSocketChannel channel;
    private final PostedCompletion<Integer> reads;
    private final PostedCompletion<Long> writes;
    private ByteBuffer readBuffer = ByteBuffer.allocate(MIN_READ);
    private boolean reading;
    private boolean writing;
    private boolean heldRead;
    private int heldCount;

    CompletionTransport(ProactorDriver driver, AsynchronousSocketChannel channel, Protocol protocol,
            ServerConnections server) throws IOException {
        super(driver.loop(), channel, channel.getRemoteAddress(), protocol, server);
        this.driver = driver;
        this.channel = channel;
        this.reads = new PostedCompletion<>(driver, this::onRead);
        this.writes = new PostedCompletion<>(driver, this::onWritten);
    }

    @Override
    protected void startReading() {
        if (!heldRead) {
            readNext();
            return;
        }
        heldRead = false;
        int count = heldCount;
        // asyncio delivers held data from the loop, not inside resume_reading().
        driver.loop().callSoon(() -> {
            if (!closing) {
                deliver(count);
            }
        });
    }

    /** A read under way stays outstanding: {@link #onRead} holds its bytes, or drops them once closing. */
    @Override
    protected void stopReading() {
    }

    /** A write under way stays outstanding: {@link #onWritten} ignores it once the connection is lost. */
    @Override
    protected void stopWriting() {
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

    /**
     * On the loop's thread: the outstanding read completed with {@code count} bytes (-1: end of stream),
     * or failed ({@code count} is then {@code null}).
     */
    private void onRead(Integer count, Throwable failure) {
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

    @Override
    public void write(ByteBuffer data) {
        if (discardsWrite(data)) {
            return;
        }
        queueCopy(data);
        if (!writing) {
            writeNext();
        }
        flow.grew(buffered);
    }

    private void writeNext() {
        int count = gatherPending();
        writing = true;
        try {
            channel.write(gather, 0, count, 0L, TimeUnit.MILLISECONDS, null, writes);
        } catch (RuntimeException e) {
            writing = false;
            fatal(e, "Fatal write error on socket transport");
        }
    }

    /** On the loop's thread: the outstanding write took {@code written} bytes, or failed ({@code written} is then {@code null}). */
    private void onWritten(Long written, Throwable failure) {
        writing = false;
        if (isLost()) {
            return;
        }
        if (failure != null) {
            fatal(failure, "Fatal write error on socket transport");
            return;
        }
        written(written);
        if (!pending.isEmpty()) {
            writeNext();
        }
        flow.shrank(buffered);
        if (pending.isEmpty()) {
            flushed();
        }
    }

    @Override
    protected void shutdownChannelOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    protected void closeChannel() {
        // Closing fails the outstanding read (and write) with AsynchronousCloseException; both are ignored.
        QuietClose.close(channel);
    }
}
