package org.jasyncio.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketOption;
import java.nio.channels.NetworkChannel;
import org.jasyncio.Transport;

/** Small kernel socket buffers, so that a test pushes a transport into flow control with little data. */
final class KernelBuffers {

    /** What {@link #shrink} sets: far below the megabytes the tests write. */
    static final int SIZE = 32 * 1024;

    private KernelBuffers() {
    }

    /** Sets the transport's socket {@code option} (a send or receive buffer) to {@link #SIZE} bytes. */
    static void shrink(Transport transport, SocketOption<Integer> option) {
        try {
            ((NetworkChannel) transport.getExtraInfo("socket")).setOption(option, SIZE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
