package org.jasyncio.internal.net;

import java.io.IOException;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.jasyncio.TimerHandle;

/**
 * A listening socket on a selector loop (asyncio's {@code _accept_connection}): each readiness event
 * accepts up to {@code backlog} connections; when the process runs out of file descriptors it stops
 * accepting for {@value #RETRY_DELAY_SECONDS} s and reports it, as asyncio does, instead of spinning on
 * a socket that stays readable. Internal to jasyncio: not for users.
 */
public final class Acceptor implements Listener {

    /** How long accepting pauses after running out of file descriptors (asyncio's {@code ACCEPT_RETRY_DELAY}). */
    public static final double RETRY_DELAY_SECONDS = 1.0;

    /** The accept system call; tests substitute one that fails. */
    @FunctionalInterface
    public interface AcceptCall {
        /** A connection, or {@code null} if none is pending. */
        SocketChannel accept(ServerSocketChannel channel) throws IOException;
    }

    private final SelectorDriver driver;
    private final ServerSocketChannel channel;
    private final int backlog;
    private final ServerConnections connections;
    private final AcceptCall accept;
    private final Registration registration;
    private boolean accepting;
    private boolean closed;
    private TimerHandle retry;

    Acceptor(SelectorDriver driver, ServerSocketChannel channel, int backlog, ServerConnections connections,
            AcceptCall accept) {
        this.driver = driver;
        this.channel = channel;
        this.backlog = backlog;
        this.connections = connections;
        this.accept = accept;
        this.registration = driver.registration(channel);
    }

    @Override
    public NetworkChannel channel() {
        return channel;
    }

    @Override
    public void startAccepting() {
        if (accepting || closed) {
            return;
        }
        accepting = true;
        registration.setReader(this::onAcceptable);
    }

    private void onAcceptable() {
        for (int i = 0; i < backlog && !closed; i++) {
            SocketChannel accepted;
            try {
                accepted = accept.accept(channel);
            } catch (IOException e) {
                onAcceptFailed(e);
                return;
            }
            if (accepted == null) {
                return;
            }
            driver.accepted(accepted, connections);
        }
    }

    private void onAcceptFailed(IOException e) {
        if (!ConnectionErrors.isOutOfResources(e)) {
            // The connection went away between readiness and accept, or similar: the next one will do.
            connections.report("Error on accepting a connection on " + channel, e);
            return;
        }
        connections.report("socket.accept() out of system resource; accepting again in "
                + RETRY_DELAY_SECONDS + " s", e);
        registration.setReader(null);
        accepting = false;
        retry = driver.loop().callLater(RETRY_DELAY_SECONDS, () -> {
            retry = null;
            startAccepting();
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        accepting = false;
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
        registration.setReader(null);
        QuietClose.close(channel);
    }
}
