package org.jasyncio.internal.net;

import java.io.IOException;
import java.nio.channels.NetworkChannel;
import org.jasyncio.EventLoop;
import org.jasyncio.TimerHandle;

/**
 * What a listener of either loop type does when an accept fails: reports it to the server and, when the
 * process ran out of file descriptors (or buffers), pauses accepting for {@value #RETRY_DELAY_SECONDS} s
 * instead of failing again at once on a socket that stays ready, as asyncio does. Internal to jasyncio:
 * not for users.
 */
public final class AcceptFailures {

    /** How long accepting pauses after running out of file descriptors (asyncio's {@code ACCEPT_RETRY_DELAY}). */
    public static final double RETRY_DELAY_SECONDS = 1.0;

    private final EventLoop loop;
    private final NetworkChannel channel;
    private final ServerConnections connections;
    private final Runnable resume;
    private TimerHandle retry;

    /** Failures of accepting on {@code channel}, reported to {@code connections}; {@code resume} restarts accepting after a pause. */
    public AcceptFailures(EventLoop loop, NetworkChannel channel, ServerConnections connections, Runnable resume) {
        this.loop = loop;
        this.channel = channel;
        this.connections = connections;
        this.resume = resume;
    }

    /**
     * Reports {@code failure}; when it is running out of resources, also schedules {@code resume}.
     *
     * @return whether the caller must stop accepting until then; if not, the next accept may well succeed
     *         (the connection went away before it was accepted, or similar)
     */
    public boolean pauses(IOException failure) {
        if (!ConnectionErrors.isOutOfResources(failure)) {
            connections.report("Error on accepting a connection on " + channel, failure);
            return false;
        }
        connections.report("socket.accept() out of system resource; accepting again in "
                + RETRY_DELAY_SECONDS + " s", failure);
        retry = loop.callLater(RETRY_DELAY_SECONDS, () -> {
            retry = null;
            resume.run();
        });
        return true;
    }

    /** Cancels a scheduled resume: the listener is closing. */
    public void cancel() {
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
    }
}
