package org.jasyncio;

import java.net.SocketAddress;
import java.nio.ByteBuffer;

/** asyncio's {@code DatagramTransport}: a UDP endpoint. All methods belong to the loop's thread. */
public interface DatagramTransport {

    /**
     * Sends the remaining bytes of {@code data} as one datagram to {@code address} ({@code null}: the
     * connected remote address). Sent at once if the socket takes it, else queued (a copy).
     *
     * @throws IllegalArgumentException if the endpoint is connected and {@code address} is another one
     */
    void sendto(ByteBuffer data, SocketAddress address);

    /** {@link #sendto(ByteBuffer, SocketAddress)} of a whole array. */
    default void sendto(byte[] data, SocketAddress address) {
        sendto(ByteBuffer.wrap(data), address);
    }

    /** Closes once the queued datagrams are sent; {@link DatagramProtocol#connectionLost} follows. */
    void close();

    /** Closes at once, dropping queued datagrams. */
    void abort();

    /** True once closing. */
    boolean isClosing();

    /** How many bytes of datagrams wait to be sent. */
    long getWriteBufferSize();

    /** {@code "sockname"}, {@code "peername"} (connected endpoints) and {@code "socket"}, else {@code null}. */
    Object getExtraInfo(String name);
}
