package org.jasyncio.internal.net;

import java.nio.channels.NetworkChannel;

/** One listening socket of a server. Internal to jasyncio: not for users. */
public interface Listener {

    /** The listening channel (a {@code ServerSocketChannel} or an asynchronous one). */
    NetworkChannel channel();

    /** Starts accepting; idempotent. */
    void startAccepting();

    /** Stops accepting and closes the listening channel; connections already accepted go on. */
    void close();
}
