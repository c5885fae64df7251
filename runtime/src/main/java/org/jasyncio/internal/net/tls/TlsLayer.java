package org.jasyncio.internal.net.tls;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.Transport;

/**
 * How {@code createConnection}, {@code createServer} and {@code startTls} put TLS into a connection
 * without the loop types knowing: the protocol factory handed to the first two makes a
 * {@link TlsProtocol} around the application's protocol, and a client waits for {@link #handshake} of the
 * raw transport it got; {@link #upgrade} slides one under a connection that is up. Internal to jasyncio:
 * not for users.
 */
public final class TlsLayer {

    private TlsLayer() {
    }

    /**
     * Protocols of TLS client connections: each has an engine in client mode for
     * {@code serverHostname} ({@code ""}: no SNI and no host name check; else SNI and endpoint
     * identification "HTTPS") and wraps a protocol of {@code factory}.
     */
    public static Supplier<Protocol> client(EventLoop loop, SSLContext context, String serverHostname, int port,
            TlsTimeouts timeouts, Supplier<? extends Protocol> factory) {
        return () -> new TlsProtocol(loop, context, clientEngine(context, serverHostname, port), timeouts,
                factory.get(), loop.createFuture(), false);
    }

    /** Protocols of TLS server connections: each has an engine in server mode and wraps a protocol of {@code factory}. */
    public static Supplier<Protocol> server(EventLoop loop, SSLContext context, TlsTimeouts timeouts,
            Supplier<? extends Protocol> factory) {
        return () -> new TlsProtocol(loop, context, serverEngine(context), timeouts, factory.get(), null, false);
    }

    /**
     * The TLS transport of a client connection whose raw transport is {@code raw} (made by a protocol of
     * {@link #client}): completes once the handshake succeeded and the application's
     * {@code connectionMade} returned; fails with the handshake's exception (an
     * {@link javax.net.ssl.SSLException} or {@link org.jasyncio.TimeoutException}) once the raw
     * connection is closed; cancelling it aborts the connection.
     */
    public static Future<Transport> handshake(Transport raw) {
        return ((TlsProtocol) raw.getProtocol()).handshake();
    }

    /**
     * asyncio's {@code start_tls}: TLS under {@code app}, which {@code raw} serves already (a plain
     * transport, or a TLS one: then the new TLS runs inside the first, its records the first's plain
     * bytes), as a server
     * ({@code serverSide}) or as a client of {@code serverHostname} ({@code null}: the peer's IP address;
     * {@code ""}: no SNI and no host name check). Reading pauses while the raw transport's protocol
     * becomes a {@link TlsProtocol}, which starts the handshake on the next iteration and reading with it:
     * bytes the raw transport had not delivered yet, like those still in the kernel, go to TLS, and so do
     * the bytes {@code unread} gives back (what {@code app} took off the connection but did not consume:
     * a peer's early handshake, or plaintext injected after the STARTTLS command, which then fails the
     * handshake instead of being read as if it had come over TLS). Bytes still in its write buffer go out
     * before the handshake's.
     *
     * @return the application's new transport once the handshake succeeded, failing with the handshake's
     *     exception once the connection is closed; cancelling it aborts the connection
     * @throws IllegalArgumentException if {@code raw} carries TLS already (a TLS layer's records, or an
     *     upgrade under way), or cannot change its protocol; if {@code serverHostname} is given to a server, or is {@code null} and the peer has no
     *     IP address
     * @throws IllegalStateException if {@code raw} is closing
     */
    public static Future<Transport> upgrade(EventLoop loop, Transport raw, Protocol app, SSLContext context,
            String serverHostname, boolean serverSide, TlsTimeouts timeouts, Supplier<ByteBuffer> unread) {
        // A TLS transport takes a second TLS as any transport does (TLS inside TLS, as asyncio's SSLProtocol
        // over an SSL transport); the transport under a TLS layer, or one being upgraded, carries records.
        if (raw.getProtocol() instanceof TlsProtocol) {
            throw new IllegalArgumentException("transport " + raw + " is not supported by startTls() (start_tls): it carries TLS"
                    + " already (to put TLS inside TLS, pass the TLS transport)");
        }
        if (raw.isClosing()) {
            throw new IllegalStateException("startTls(): transport " + raw + " is closing");
        }
        SSLEngine engine;
        if (serverSide) {
            if (serverHostname != null) {
                throw new IllegalArgumentException("serverHostname (server_hostname) is only meaningful for a client, not with serverSide");
            }
            engine = serverEngine(context);
        } else {
            Object peer = raw.getExtraInfo("peername");
            int port = peer instanceof InetSocketAddress ? ((InetSocketAddress) peer).getPort() : -1;
            engine = clientEngine(context, serverHostname != null ? serverHostname : peerAddress(peer), port);
        }
        Future<Transport> handshake = loop.createFuture();
        TlsProtocol tls = new TlsProtocol(loop, context, engine, timeouts, app, handshake, true);
        try {
            raw.setProtocol(tls);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("transport " + raw + " is not supported by startTls() (start_tls)", e);
        }
        // Paused at once, so that nothing reaches the TLS protocol before its connectionMade (asyncio's order).
        raw.pauseReading();
        ByteBuffer early = unread.get();
        loop.callSoon(() -> tls.connectionMade(raw));
        if (early != null && early.hasRemaining()) {
            loop.callSoon(() -> tls.dataReceived(early));
        }
        loop.callSoon(raw::resumeReading);
        handshake.addDoneCallback(done -> {
            if (done.cancelled()) {
                raw.abort();
            }
        });
        return handshake;
    }

    /** The peer's IP address, the name a client checks the certificate against when given none. */
    private static String peerAddress(Object peer) {
        if (!(peer instanceof InetSocketAddress) || ((InetSocketAddress) peer).getAddress() == null) {
            throw new IllegalArgumentException("startTls() needs a serverHostname: the peer " + peer
                    + " has no IP address to check the certificate against");
        }
        return ((InetSocketAddress) peer).getAddress().getHostAddress();
    }

    private static SSLEngine clientEngine(SSLContext context, String serverHostname, int port) {
        SSLEngine engine = serverHostname.isEmpty() ? context.createSSLEngine()
                : context.createSSLEngine(serverHostname, port);
        // Client mode first: it picks the context's client protocols, which setSSLParameters would freeze.
        engine.setUseClientMode(true);
        if (!serverHostname.isEmpty()) {
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
        }
        return engine;
    }

    private static SSLEngine serverEngine(SSLContext context) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        return engine;
    }
}
