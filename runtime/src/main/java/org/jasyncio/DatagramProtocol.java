package org.jasyncio;

import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * asyncio's {@code DatagramProtocol}: the callbacks of a {@link DatagramTransport}, on the loop's thread.
 * Made by {@link EventLoop#createDatagramEndpoint}.
 */
public interface DatagramProtocol {

    /** The endpoint is bound (and connected, if a remote address was given). */
    default void connectionMade(DatagramTransport transport) {
    }

    /**
     * A datagram arrived from {@code address}. {@code data} is only valid during this call: copy what
     * you keep.
     */
    default void datagramReceived(ByteBuffer data, SocketAddress address) {
    }

    /**
     * A send or receive failed (e.g. {@link java.net.PortUnreachableException} on a connected endpoint);
     * the endpoint stays open.
     */
    default void errorReceived(Exception exception) {
    }

    /** The endpoint is closed; {@code exception} is {@code null} for a regular close. */
    default void connectionLost(Throwable exception) {
    }
}
