package org.jasyncio;

import java.nio.ByteBuffer;
import org.jasyncio.internal.net.FutureChain;

/**
 * asyncio's {@code StreamWriter}: writes to a connection. {@link #write} never waits; after writing,
 * {@code await(writer.drain())} waits while the transport's buffer is above its high-water mark, so a
 * peer that does not read pushes back instead of filling memory. All methods belong to the loop's
 * thread.
 */
public class StreamWriter {

    private final Transport transport;
    private final StreamReaderProtocol protocol;
    private final StreamReader reader;
    private final EventLoop loop;

    StreamWriter(Transport transport, StreamReaderProtocol protocol, StreamReader reader, EventLoop loop) {
        this.transport = transport;
        this.protocol = protocol;
        this.reader = reader;
        this.loop = loop;
    }

    /** The underlying transport. */
    public Transport transport() {
        return transport;
    }

    /** Writes {@code data} (sent at once or buffered). */
    public void write(byte[] data) {
        transport.write(data);
    }

    /** Writes the remaining bytes of {@code data}. */
    public void write(ByteBuffer data) {
        transport.write(data);
    }

    /** Writes each array in turn. */
    public void writelines(Iterable<byte[]> data) {
        transport.writelines(data);
    }

    /** Whether {@link #writeEof()} is supported. */
    public boolean canWriteEof() {
        return transport.canWriteEof();
    }

    /** Closes the write side after the buffer is flushed; reading goes on. */
    public void writeEof() {
        transport.writeEof();
    }

    /** Closes the connection after the buffer is flushed. */
    public void close() {
        transport.close();
    }

    /** True once closing. */
    public boolean isClosing() {
        return transport.isClosing();
    }

    /**
     * A future that completes once the connection is closed; it fails with the connection's error if
     * it broke (e.g. {@link ConnectionResetException}).
     */
    public Future<Void> waitClosed() {
        return protocol.closed();
    }

    /** The transport's {@link Transport#getExtraInfo}: {@code "peername"}, {@code "sockname"}, {@code "socket"}. */
    public Object getExtraInfo(String name) {
        return transport.getExtraInfo(name);
    }

    /**
     * A future to await after writing: done at once unless the write buffer is above its high-water
     * mark, else when it has drained to the low-water mark.
     *
     * @return a future failing with the reader's exception (e.g. {@link ConnectionResetException}) if
     *     the connection broke, or with {@code ConnectionResetException("Connection lost")} once it is
     *     closed
     */
    public Future<Void> drain() {
        if (reader != null && reader.exception() != null) {
            return FutureChain.failed(loop, reader.exception());
        }
        if (transport.isClosing()) {
            // Let connectionLost run first, as asyncio's drain does with sleep(0).
            Future<Void> drained = loop.createFuture();
            loop.callSoon(() -> protocol.drainHelper().addDoneCallback(done -> FutureChain.copy(done, drained)));
            return drained;
        }
        return protocol.drainHelper();
    }

    @Override
    public String toString() {
        return "<StreamWriter transport=" + transport + ">";
    }
}
