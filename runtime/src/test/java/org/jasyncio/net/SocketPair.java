package org.jasyncio.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * {@code socket.socketpair()}: two connected TCP channels on loopback, both blocking, closed together
 * (a test's try-with-resources), whatever the test did to them.
 */
final class SocketPair implements AutoCloseable {

    /** The accepted end (test_events' {@code r}). */
    final SocketChannel r;
    /** The connecting end (test_events' {@code w}). */
    final SocketChannel w;

    private SocketPair(SocketChannel r, SocketChannel w) {
        this.r = r;
        this.w = w;
    }

    static SocketPair open() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel w = SocketChannel.open(listener.getLocalAddress());
            return new SocketPair(listener.accept(), w);
        }
    }

    /** Closes both ends; an end the test closed already is fine. */
    @Override
    public void close() {
        closeQuietly(r);
        closeQuietly(w);
    }

    static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // a test's socket that is gone already
        }
    }
}
