package org.jasyncio.internal.selector;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.jasyncio.internal.net.ServerConnections;
import org.jasyncio.internal.net.QuietClose;
import org.jasyncio.internal.net.AcceptFailures;
import org.jasyncio.internal.net.Listener;
import org.jasyncio.internal.net.UnixSocketFile;

/**
 * A listening socket on a selector loop (asyncio's {@code _accept_connection}): each readiness event
 * accepts up to {@code backlog} connections; failures go to {@link AcceptFailures}, which may pause
 * accepting. Internal to jasyncio: not for users.
 */
public final class Acceptor implements Listener {

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
    private final AcceptFailures failures;
    /** The socket file this listener made, for a Unix-domain one ({@link UnixSocketFile#identify}). */
    private final Object socketFile;
    private boolean accepting;
    private boolean closed;

    Acceptor(SelectorDriver driver, ServerSocketChannel channel, int backlog, ServerConnections connections,
            AcceptCall accept) {
        this.driver = driver;
        this.channel = channel;
        this.backlog = backlog;
        this.connections = connections;
        this.accept = accept;
        this.registration = driver.registration(channel);
        this.failures = new AcceptFailures(driver.loop(), channel, connections, this::startAccepting);
        this.socketFile = UnixSocketFile.identify(localAddress());
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
        if (failures.pauses(e)) {
            registration.setReader(null);
            accepting = false;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        accepting = false;
        failures.cancel();
        registration.setReader(null);
        SocketAddress local = localAddress();
        QuietClose.close(channel);
        driver.releaseClosedChannels();
        UnixSocketFile.removeAfterClose(local, socketFile);
    }

    private SocketAddress localAddress() {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }
}
