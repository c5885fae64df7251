package org.jasyncio;

import java.nio.ByteBuffer;

/**
 * asyncio's streaming {@code Protocol}: the callbacks a {@link Transport} makes on the loop's thread.
 * Implement the ones you need; {@link EventLoop#createConnection} and {@link EventLoop#createServer}
 * make one per connection from a factory.
 *
 * <p>Order: {@link #connectionMade} once, then {@link #dataReceived} any number of times, then at most
 * one {@link #eofReceived}, then {@link #connectionLost} exactly once. {@link #pauseWriting} and
 * {@link #resumeWriting} alternate, starting with a pause, whenever the transport's write buffer
 * crosses its high and then its low water mark.
 */
public interface Protocol {

    /** The connection is up; keep {@code transport} to write. */
    default void connectionMade(Transport transport) {
    }

    /**
     * Bytes arrived. {@code data} is the transport's read buffer and is only valid during this call: use
     * or copy its remaining bytes before returning (passing it to {@link Transport#write} is fine, the
     * transport copies what it cannot send at once).
     */
    default void dataReceived(ByteBuffer data) {
    }

    /**
     * The peer closed its side (half-close). Return {@code true} to keep the connection open for writing;
     * {@code false} (the default) closes the transport.
     */
    default boolean eofReceived() {
        return false;
    }

    /**
     * The connection is closed: {@code exception} is {@code null} for a regular close or EOF, else what
     * broke it (e.g. {@link ConnectionResetException}). Called once; the channel is closed after it.
     */
    default void connectionLost(Throwable exception) {
    }

    /** The transport's write buffer went above its high-water mark: stop writing until {@link #resumeWriting}. */
    default void pauseWriting() {
    }

    /** The transport's write buffer drained to its low-water mark: writing may go on. */
    default void resumeWriting() {
    }
}
