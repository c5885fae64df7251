package org.jasyncio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.NetworkChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jasyncio.internal.loop.FutureChain;
import org.jasyncio.internal.net.Listener;
import org.jasyncio.internal.net.ServerConnections;

/**
 * asyncio's {@code Server}: the listening sockets made by {@link EventLoop#createServer} or
 * {@link AsyncIO#startServer}, and the connections they accepted. All methods belong to the loop's
 * thread.
 *
 * <p>{@link #close()} stops listening but leaves accepted connections open (as asyncio does);
 * {@link #waitClosed()} completes once the server is closed and every connection is gone;
 * {@link #closeClients()} and {@link #abortClients()} end them.
 */
public final class Server {

    private final EventLoop loop;
    private final Supplier<? extends Protocol> factory;
    private final List<Listener> listeners = new ArrayList<>();
    private final Set<Transport> clients = new LinkedHashSet<>();
    private final List<Future<Void>> waiters = new ArrayList<>();
    private final ServerConnections connections = new Connections();
    private boolean serving;
    private boolean closed;
    private Future<Void> servingForever;

    Server(EventLoop loop, Supplier<? extends Protocol> factory) {
        this.loop = loop;
        this.factory = factory;
    }

    void addListener(Listener listener) {
        listeners.add(listener);
    }

    ServerConnections connections() {
        return connections;
    }

    /** The loop this server runs on. */
    public EventLoop getLoop() {
        return loop;
    }

    /** True while the server accepts connections. */
    public boolean isServing() {
        return serving;
    }

    /**
     * Starts accepting (when created with {@code ServerOptions.startServing false}); does nothing if
     * already serving or closed.
     *
     * @return a done future, to {@code await} as in asyncio
     */
    public Future<Void> startServing() {
        if (!closed && !serving) {
            serving = true;
            for (Listener listener : listeners) {
                listener.startAccepting();
            }
        }
        return FutureChain.completed(loop, null);
    }

    /**
     * Accepts until the returned future is cancelled (e.g. the awaiting task is cancelled), which
     * closes the server.
     *
     * @throws IllegalStateException if the server is closed or {@code serveForever} is already pending
     */
    public Future<Void> serveForever() {
        if (servingForever != null) {
            throw new IllegalStateException("server " + this + " is already being awaited on serveForever()");
        }
        if (closed) {
            throw new IllegalStateException("server " + this + " is closed");
        }
        startServing();
        Future<Void> forever = loop.createFuture();
        servingForever = forever;
        forever.addDoneCallback(done -> {
            servingForever = null;
            close();
        });
        return forever;
    }

    /**
     * Stops listening and closes the listening sockets; connections already accepted stay open.
     * Idempotent.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        serving = false;
        for (Listener listener : listeners) {
            listener.close();
        }
        listeners.clear();
        if (servingForever != null) {
            servingForever.cancel();
        }
        wakeUpIfDone();
    }

    /** Closes every accepted connection (each flushes what it buffered first). */
    public void closeClients() {
        for (Transport client : new ArrayList<>(clients)) {
            client.close();
        }
    }

    /** Aborts every accepted connection, dropping what it buffered. */
    public void abortClients() {
        for (Transport client : new ArrayList<>(clients)) {
            client.abort();
        }
    }

    /**
     * A future that completes once the server is closed and all its connections are gone (at once if
     * that is already so).
     */
    public Future<Void> waitClosed() {
        Future<Void> waiter = loop.createFuture();
        if (closed && clients.isEmpty()) {
            waiter.setResult(null);
        } else {
            waiters.add(waiter);
        }
        return waiter;
    }

    /** The listening channels; empty once closed. */
    public List<NetworkChannel> sockets() {
        List<NetworkChannel> sockets = new ArrayList<>();
        for (Listener listener : listeners) {
            sockets.add(listener.channel());
        }
        return sockets;
    }

    /**
     * The port of the first listening socket (the one chosen for port 0).
     *
     * @throws IllegalStateException once closed, or for a Unix-domain server (it has a path, see
     *     {@link #sockets()})
     */
    public int port() {
        if (listeners.isEmpty()) {
            throw new IllegalStateException("server " + this + " is closed");
        }
        SocketAddress address;
        try {
            address = listeners.get(0).channel().getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the port of " + listeners.get(0).channel(), e);
        }
        if (!(address instanceof InetSocketAddress)) {
            throw new IllegalStateException("server " + this + " listens on " + address + ", which has no port");
        }
        return ((InetSocketAddress) address).getPort();
    }

    /** How many accepted connections are open. */
    public int activeConnections() {
        return clients.size();
    }

    private void wakeUpIfDone() {
        if (!closed || !clients.isEmpty()) {
            return;
        }
        for (Future<Void> waiter : waiters) {
            if (!waiter.done()) {
                waiter.setResult(null);
            }
        }
        waiters.clear();
    }

    @Override
    public String toString() {
        return "<Server sockets=" + sockets() + " serving=" + serving + " clients=" + clients.size() + ">";
    }

    private final class Connections implements ServerConnections {
        @Override
        public Protocol newProtocol() {
            return factory.get();
        }

        @Override
        public void attach(Transport transport) {
            clients.add(transport);
        }

        @Override
        public void detach(Transport transport) {
            clients.remove(transport);
            wakeUpIfDone();
        }

        @Override
        public void report(String message, Throwable exception) {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("message", message);
            context.put("exception", exception);
            context.put("server", Server.this);
            loop.callExceptionHandler(context);
        }
    }
}
