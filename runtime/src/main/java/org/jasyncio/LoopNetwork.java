package org.jasyncio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jasyncio.internal.loop.FutureChain;
import org.jasyncio.internal.net.ConnectionAttempts;
import org.jasyncio.internal.net.HostResolver;
import org.jasyncio.internal.net.NetworkDriver;
import org.jasyncio.internal.net.SocketCalls;
import org.jasyncio.internal.net.UnixSocketFile;
import org.jasyncio.internal.net.tls.TlsLayer;
import org.jasyncio.internal.net.tls.TlsTimeouts;

/**
 * asyncio's network front door of one {@link EventLoop}: argument checks, name resolution, trying
 * each address, TLS option policy, servers and datagram endpoints, written once for every loop type.
 * The loop type's {@link NetworkDriver} does the I/O itself (readiness on a {@link SelectorEventLoop},
 * completions on a {@link ProactorEventLoop}). {@link EventLoop}'s network methods delegate here and
 * carry the javadoc; a loop built without a driver answers its network calls with
 * {@link UnsupportedOperationException}.
 */
final class LoopNetwork {

    private final EventLoop loop;
    /** The loop type's I/O, or {@code null} for a loop without network I/O. */
    private final NetworkDriver driver;

    LoopNetwork(EventLoop loop, NetworkDriver driver) {
        this.loop = loop;
        this.driver = driver;
    }

    /** The driver, for the loop's thread only (checked in debug mode), while the loop is open. */
    NetworkDriver driver() {
        loop.checkClosed();
        if (loop.getDebug()) {
            loop.checkThread();
        }
        if (driver == null) {
            throw new UnsupportedOperationException(loop.getClass().getSimpleName() + " does not support network I/O");
        }
        return driver;
    }

    /** Releases what the driver holds beyond the poller; called once, by the loop's {@code close()}. */
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private SocketCalls socketCalls() {
        return driver().socketCalls();
    }

    void addReader(SelectableChannel channel, Runnable callback) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(callback, "callback");
        socketCalls().addReader(channel, callback);
    }

    boolean removeReader(SelectableChannel channel) {
        return !loop.isClosed() && socketCalls().removeReader(channel);
    }

    void addWriter(SelectableChannel channel, Runnable callback) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(callback, "callback");
        socketCalls().addWriter(channel, callback);
    }

    boolean removeWriter(SelectableChannel channel) {
        return !loop.isClosed() && socketCalls().removeWriter(channel);
    }

    Future<Void> sockConnect(SocketChannel channel, SocketAddress address) {
        return socketCalls().connect(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(address, "address"));
    }

    Future<SocketChannel> sockAccept(ServerSocketChannel channel) {
        return socketCalls().accept(Objects.requireNonNull(channel, "channel"));
    }

    Future<byte[]> sockRecv(SocketChannel channel, int n) {
        ByteBuffer buffer = ByteBuffer.allocate(n);
        return FutureChain.map(loop, sockRecvInto(channel, buffer),
                count -> Arrays.copyOf(buffer.array(), Math.max(count, 0)), count -> { });
    }

    Future<Integer> sockRecvInto(SocketChannel channel, ByteBuffer buffer) {
        return socketCalls().recvInto(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(buffer, "buffer"));
    }

    Future<Void> sockSendall(SocketChannel channel, ByteBuffer data) {
        return socketCalls().sendall(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(data, "data"));
    }

    Future<List<InetSocketAddress>> getaddrinfo(String host, int port) {
        loop.checkClosed();
        if (HostResolver.isLiteral(host)) {
            try {
                return FutureChain.completed(loop, HostResolver.resolve(host, port));
            } catch (RuntimeException e) {
                return FutureChain.failed(loop, e);
            }
        }
        return loop.runInExecutor(null, () -> HostResolver.resolve(host, port));
    }

    <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> factory, String host, int port,
            ConnectionOptions options) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(options, "options");
        NetworkDriver driver = driver();
        Supplier<? extends Protocol> perConnection = perConnection(factory, options, host, port);
        Future<Transport> raw = FutureChain.then(loop, getaddrinfo(host, port),
                addresses -> ConnectionAttempts.connectAny(loop, driver, addresses, perConnection));
        return connection(raw, options);
    }

    /** The protocols a client connection gets: {@code factory}'s, under TLS when {@code options} has {@code ssl}. */
    private Supplier<? extends Protocol> perConnection(Supplier<? extends Protocol> factory, ConnectionOptions options,
            String host, int port) {
        if (options.ssl() == null) {
            if (options.serverHostname() != null) {
                throw new IllegalArgumentException("serverHostname (server_hostname) is only meaningful with ssl");
            }
            return factory;
        }
        if (options.serverHostname() == null && (host == null || host.isEmpty())) {
            // asyncio's words: the certificate is checked against the host, and there is none
            throw new IllegalArgumentException("You must set serverHostname (server_hostname) when using ssl without a host");
        }
        return TlsLayer.client(loop, options.ssl(), options.serverHostname() == null ? host : options.serverHostname(),
                port, new TlsTimeouts(options.sslHandshakeTimeout(), options.sslShutdownTimeout()), factory);
    }

    Future<Transport> startTls(Transport transport, Protocol protocol, ConnectionOptions options, boolean serverSide,
            Supplier<ByteBuffer> unread) {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(options, "options");
        if (options.ssl() == null) {
            throw new IllegalArgumentException("startTls() needs an SSLContext: options.ssl() is null");
        }
        loop.checkClosed();
        if (loop.getDebug()) {
            loop.checkThread();
        }
        return TlsLayer.upgrade(loop, transport, protocol, options.ssl(), options.serverHostname(), serverSide,
                new TlsTimeouts(options.sslHandshakeTimeout(), options.sslShutdownTimeout()), unread);
    }

    <P extends Protocol> Future<Connection<P>> createUnixConnection(Supplier<P> factory, String path,
            ConnectionOptions options) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        if (options.ssl() != null && options.serverHostname() == null) {
            throw new IllegalArgumentException("you have to pass serverHostname (server_hostname) when using ssl");
        }
        Supplier<? extends Protocol> perConnection = perConnection(factory, options, null, -1);
        return connection(unixDriver().connect(UnixDomainSocketAddress.of(path), perConnection), options);
    }

    /** The connection {@code raw} makes, once its TLS handshake (if {@code options} has {@code ssl}) succeeded. */
    @SuppressWarnings("unchecked")
    private <P extends Protocol> Future<Connection<P>> connection(Future<Transport> raw, ConnectionOptions options) {
        Future<Transport> transport = options.ssl() == null ? raw : FutureChain.then(loop, raw, TlsLayer::handshake);
        return FutureChain.map(loop, transport, made -> new Connection<>(made, (P) made.getProtocol()), Transport::abort);
    }

    Future<Server> createServer(Supplier<? extends Protocol> factory, String host, int port, ServerOptions options) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(options, "options");
        NetworkDriver driver = driver();
        // asyncio turns an empty host into None: every interface, not the local host "" resolves to
        Future<List<InetSocketAddress>> addresses = host == null || host.isEmpty()
                ? FutureChain.completed(loop, HostResolver.everyInterface(port)) : getaddrinfo(host, port);
        return FutureChain.map(loop, addresses, bound -> listenOn(driver, bound, factory, options), bound -> { });
    }

    Future<Server> createUnixServer(Supplier<? extends Protocol> factory, String path, ServerOptions options) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        NetworkDriver driver = unixDriver();
        try {
            return FutureChain.completed(loop, listenOn(driver, List.of(UnixSocketFile.forBinding(path)), factory, options));
        } catch (IOException e) {
            return FutureChain.failed(loop, bindFailure(path, e));
        } catch (RuntimeException e) {
            return FutureChain.failed(loop, e);
        }
    }

    /** A server listening on every one of {@code addresses}, or none if one cannot be bound. */
    private Server listenOn(NetworkDriver driver, List<? extends SocketAddress> addresses,
            Supplier<? extends Protocol> factory, ServerOptions options) {
        Server server = new Server(loop, options.ssl() == null ? factory : TlsLayer.server(loop, options.ssl(),
                new TlsTimeouts(options.sslHandshakeTimeout(), options.sslShutdownTimeout()), factory));
        for (SocketAddress address : addresses) {
            try {
                server.addListener(driver.listen(address, options, server.connections()));
            } catch (IOException | RuntimeException e) {
                server.close();
                throw bindFailure(SocketCalls.describe(address), e);
            }
        }
        if (options.startServing()) {
            server.startServing();
        }
        return server;
    }

    private static UncheckedIOException bindFailure(String address, Exception e) {
        return new UncheckedIOException("error while attempting to bind on address " + address + ": " + e.getMessage(),
                e instanceof IOException ? (IOException) e : new IOException(e));
    }

    private NetworkDriver unixDriver() {
        NetworkDriver driver = driver();
        if (!driver.supportsUnixSockets()) {
            throw new UnsupportedOperationException(loop.getClass().getSimpleName()
                    + " has no Unix-domain sockets (NIO.2's asynchronous channels are TCP only); use a SelectorEventLoop");
        }
        return driver;
    }

    <P extends DatagramProtocol> Future<DatagramEndpoint<P>> createDatagramEndpoint(Supplier<P> factory,
            String localHost, int localPort, String remoteHost, int remotePort) {
        Objects.requireNonNull(factory, "factory");
        NetworkDriver driver = driver();
        Future<List<InetSocketAddress>> local = localHost == null ? FutureChain.completed(loop, List.of())
                : getaddrinfo(localHost, localPort);
        return FutureChain.then(loop, local, locals -> {
            Future<List<InetSocketAddress>> remote = remoteHost == null ? FutureChain.completed(loop, List.of())
                    : getaddrinfo(remoteHost, remotePort);
            return FutureChain.map(loop, remote, remotes -> {
                P protocol = factory.get();
                try {
                    DatagramTransport transport = driver.openDatagram(locals.isEmpty() ? null : locals.get(0),
                            remotes.isEmpty() ? null : remotes.get(0), protocol);
                    return new DatagramEndpoint<>(transport, protocol);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot open a datagram endpoint: " + e.getMessage(), e);
                }
            }, remotes -> { });
        });
    }
}
