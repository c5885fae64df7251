package org.jasyncio.internal.net.tls;

import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.Transport;

/**
 * How {@code createConnection} and {@code createServer} put TLS into a connection without the loop
 * types knowing: the protocol factory handed to them makes a {@link TlsProtocol} around the
 * application's protocol, and a client waits for {@link #handshake} of the raw transport it got.
 * Internal to jasyncio: not for users.
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
        return () -> {
            SSLEngine engine = serverHostname.isEmpty() ? context.createSSLEngine()
                    : context.createSSLEngine(serverHostname, port);
            // Client mode first: it picks the context's client protocols, which setSSLParameters would freeze.
            engine.setUseClientMode(true);
            if (!serverHostname.isEmpty()) {
                SSLParameters parameters = engine.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                engine.setSSLParameters(parameters);
            }
            return new TlsProtocol(loop, context, engine, timeouts, factory.get(), loop.createFuture());
        };
    }

    /** Protocols of TLS server connections: each has an engine in server mode and wraps a protocol of {@code factory}. */
    public static Supplier<Protocol> server(EventLoop loop, SSLContext context, TlsTimeouts timeouts,
            Supplier<? extends Protocol> factory) {
        return () -> {
            SSLEngine engine = context.createSSLEngine();
            engine.setUseClientMode(false);
            return new TlsProtocol(loop, context, engine, timeouts, factory.get(), null);
        };
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
}
