package org.jasyncio.internal.proactor;

import java.io.IOException;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.NetworkChannel;
import org.jasyncio.internal.net.QuietClose;
import org.jasyncio.internal.net.AcceptFailures;
import org.jasyncio.internal.net.Listener;
import org.jasyncio.internal.net.ServerConnections;

/**
 * A listening socket on a proactor loop (asyncio's {@code _start_serving} of the proactor): one accept
 * outstanding at a time; each completion makes the connection's transport on the loop's thread and
 * starts the next accept. When the process runs out of file descriptors it stops accepting for
 * {@value AcceptFailures#RETRY_DELAY_SECONDS} s, as the selector loop does. Internal to jasyncio.
 */
final class CompletionAcceptor implements Listener, CompletionHandler<AsynchronousSocketChannel, Void> {

    private final ProactorDriver driver;
    private final AsynchronousServerSocketChannel channel;
    private final ServerConnections connections;
    private final AcceptFailures failures;
    private boolean accepting;
    private boolean outstanding;
    private boolean closed;

    CompletionAcceptor(ProactorDriver driver, AsynchronousServerSocketChannel channel, ServerConnections connections) {
        this.driver = driver;
        this.channel = channel;
        this.connections = connections;
        this.failures = new AcceptFailures(driver.loop(), channel, connections, this::startAccepting);
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
        acceptNext();
    }

    private void acceptNext() {
        if (outstanding || !accepting) {
            return;
        }
        outstanding = true;
        try {
            channel.accept(null, this);
        } catch (RuntimeException e) {
            outstanding = false;
            accepting = false;
            connections.report("Cannot accept on " + channel, e);
        }
    }

    @Override
    public void completed(AsynchronousSocketChannel accepted, Void attachment) {
        driver.post(() -> onAccepted(accepted));
    }

    @Override
    public void failed(Throwable failure, Void attachment) {
        driver.post(() -> onAcceptFailed(failure));
    }

    private void onAccepted(AsynchronousSocketChannel accepted) {
        outstanding = false;
        if (closed) {
            QuietClose.close(accepted);
            return;
        }
        driver.accepted(accepted, connections);
        acceptNext();
    }

    private void onAcceptFailed(Throwable failure) {
        outstanding = false;
        if (closed) {
            return;
        }
        if (!(failure instanceof IOException)) {
            // Not a socket error (the group shut down, say): accepting again would fail the same way.
            connections.report("Error on accepting a connection on " + channel + "; no longer accepting", failure);
            accepting = false;
            return;
        }
        if (failures.pauses((IOException) failure)) {
            accepting = false;
        } else {
            acceptNext();
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
        // Closing fails the outstanding accept with AsynchronousCloseException, which onAcceptFailed ignores.
        QuietClose.close(channel);
    }
}
