package org.jasyncio;

import java.nio.ByteBuffer;

/**
 * asyncio's stream {@code Transport}: one connection, as the {@link Protocol} drives it. All methods
 * belong to the loop's thread.
 *
 * <p>{@link #write} sends at once what the socket takes and buffers the rest (a copy); when the buffer
 * goes above the high-water mark (64 KiB by default) the protocol's {@link Protocol#pauseWriting} is
 * called, and {@link Protocol#resumeWriting} once it is back at the low-water mark (16 KiB).
 */
public interface Transport {

    /**
     * Writes the remaining bytes of {@code data} (its position moves to its limit). Ignored once the
     * connection is lost.
     *
     * @throws IllegalStateException after {@link #writeEof()}
     */
    void write(ByteBuffer data);

    /** {@link #write(ByteBuffer)} of a whole array. */
    default void write(byte[] data) {
        write(ByteBuffer.wrap(data));
    }

    /** Writes each array in turn. */
    default void writelines(Iterable<byte[]> data) {
        for (byte[] chunk : data) {
            write(chunk);
        }
    }

    /** Closes the write side once the buffer is flushed (a TCP half-close); reading goes on. */
    void writeEof();

    /** Whether {@link #writeEof()} is supported (true for TCP). */
    boolean canWriteEof();

    /**
     * Closes the connection once the write buffer is flushed; stops reading now. The protocol's
     * {@link Protocol#connectionLost} follows with {@code null}. Idempotent.
     */
    void close();

    /** Closes at once, dropping buffered data; {@link Protocol#connectionLost} follows with {@code null}. */
    void abort();

    /** True once {@link #close()} or {@link #abort()} was called or the connection was lost. */
    boolean isClosing();

    /** Stops reading: no {@link Protocol#dataReceived} until {@link #resumeReading()}. */
    void pauseReading();

    /** Reads again after {@link #pauseReading()}. */
    void resumeReading();

    /** False while reading is paused or the transport is closing. */
    boolean isReading();

    /**
     * Sets the write buffer's water marks.
     *
     * @throws IllegalArgumentException unless {@code high >= low >= 0}
     */
    void setWriteBufferLimits(int high, int low);

    /** {@link #setWriteBufferLimits(int, int)} with the low-water mark a quarter of {@code high}. */
    default void setWriteBufferLimits(int high) {
        setWriteBufferLimits(high, high / 4);
    }

    /** How many bytes wait in the write buffer. */
    long getWriteBufferSize();

    /**
     * asyncio's {@code get_extra_info}: {@code "peername"} and {@code "sockname"} (an
     * {@link java.net.InetSocketAddress}), {@code "socket"} (the channel); {@code null} for other names.
     */
    Object getExtraInfo(String name);

    /** The protocol this transport calls. */
    Protocol getProtocol();

    /**
     * asyncio's {@code set_protocol}: the transport calls {@code protocol} from now on, starting with the
     * next bytes it delivers; {@code protocol}'s {@link Protocol#connectionMade} is not called, and the
     * previous protocol hears nothing more (not even {@link Protocol#connectionLost}). Flow control goes
     * on: if writing is paused, {@code protocol} gets {@link Protocol#pauseWriting} at once, and the
     * {@link Protocol#resumeWriting} once the buffer drained. TCP and TLS transports support it on both
     * loop types; {@link EventLoop#startTls} uses it to put TLS under a connection's protocol.
     *
     * @throws UnsupportedOperationException if this transport cannot change its protocol (the default)
     */
    default void setProtocol(Protocol protocol) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support setProtocol()");
    }
}
