package org.jasyncio.internal.net;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import org.jasyncio.EventLoop;

/**
 * Where a loop watches {@link SelectableChannel}s for readiness: the selector loop's own selector, or a
 * proactor loop's selector thread. {@link SocketCalls} builds {@code addReader}, {@code addWriter} and
 * asyncio's {@code sock_*} calls on it, so both loop types share them. Internal to jasyncio: not for users.
 */
public interface Readiness {

    /** The loop whose thread calls these methods and runs the callbacks. */
    EventLoop loop();

    /** The reader and writer of {@code channel}, made on first use (the channel is then put in non-blocking mode). */
    ChannelInterest interest(SelectableChannel channel);

    /** The reader and writer of {@code channel} if it has any, else {@code null}. */
    ChannelInterest existingInterest(SelectableChannel channel);

    /** Puts {@code channel} in non-blocking mode, as watching it for readiness requires. */
    static void makeNonBlocking(SelectableChannel channel) {
        if (channel.isBlocking()) {
            try {
                channel.configureBlocking(false);
            } catch (IOException e) {
                throw ConnectionErrors.onConnection(e);
            }
        }
    }
}
