package org.jasyncio;

import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.jasyncio.internal.net.tls.TlsTimeouts;

/**
 * Options of {@link EventLoop#createServer} and {@link AsyncIO#startServer}; start from {@link #DEFAULTS}
 * and change what you need, e.g. {@code ServerOptions.DEFAULTS.withReusePort(true)} or
 * {@code ServerOptions.DEFAULTS.withSsl(context)} for a TLS server.
 *
 * @param backlog the listen queue's length, and how many connections one readiness event accepts (100)
 * @param reuseAddress {@code SO_REUSEADDR}, so a restarted server can bind at once (true)
 * @param reusePort {@code SO_REUSEPORT}, so several loops (one per thread) can listen on one port and
 *     the kernel spreads connections over them (false)
 * @param startServing accept at once; if false, call {@link Server#startServing()} (true)
 * @param ssl asyncio's {@code ssl}: serve TLS with this context's key and certificate ({@code null}:
 *     plain TCP). Each connection's protocol sees plain bytes, and its {@code connectionMade} runs once the
 *     TLS handshake succeeded; a failed handshake goes to the loop's exception handler ("SSL handshake failed") and
 *     closes that connection, and the server goes on serving
 * @param sslHandshakeTimeout seconds a client has to complete the TLS handshake before the connection
 *     is aborted (60)
 * @param sslShutdownTimeout seconds a TLS connection's {@code close()} may take (flushing, sending
 *     close_notify and waiting for the peer's) before the connection is aborted (30)
 */
public record ServerOptions(int backlog, boolean reuseAddress, boolean reusePort, boolean startServing,
        SSLContext ssl, double sslHandshakeTimeout, double sslShutdownTimeout) {

    /** asyncio's defaults: backlog 100, reuse address, no reuse port, start serving, no TLS, TLS timeouts 60 s and 30 s. */
    public static final ServerOptions DEFAULTS = new ServerOptions(100, true, false, true, null,
            TlsTimeouts.DEFAULT_HANDSHAKE, TlsTimeouts.DEFAULT_SHUTDOWN);

    /**
     * Checks the backlog and the TLS timeouts.
     *
     * @throws IllegalArgumentException if the backlog or a timeout is not positive
     */
    public ServerOptions {
        if (backlog <= 0) {
            throw new IllegalArgumentException("backlog must be > 0, got " + backlog);
        }
        TlsTimeouts.check("sslHandshakeTimeout", sslHandshakeTimeout);
        TlsTimeouts.check("sslShutdownTimeout", sslShutdownTimeout);
    }

    /** These options with {@code SO_REUSEPORT} set as given. */
    public ServerOptions withReusePort(boolean reuse) {
        return new ServerOptions(backlog, reuseAddress, reuse, startServing, ssl, sslHandshakeTimeout, sslShutdownTimeout);
    }

    /** These options with another backlog. */
    public ServerOptions withBacklog(int length) {
        return new ServerOptions(length, reuseAddress, reusePort, startServing, ssl, sslHandshakeTimeout, sslShutdownTimeout);
    }

    /** These options with serving started at once or not. */
    public ServerOptions withStartServing(boolean start) {
        return new ServerOptions(backlog, reuseAddress, reusePort, start, ssl, sslHandshakeTimeout, sslShutdownTimeout);
    }

    /**
     * These options serving TLS with {@code context} (its key manager holds the server's key and
     * certificate), or plain TCP if {@code null}.
     */
    public ServerOptions withSsl(SSLContext context) {
        return new ServerOptions(backlog, reuseAddress, reusePort, startServing, context, sslHandshakeTimeout, sslShutdownTimeout);
    }

    /**
     * These options with another TLS handshake timeout.
     *
     * @throws IllegalArgumentException unless {@code seconds > 0}
     */
    public ServerOptions withSslHandshakeTimeout(double seconds) {
        return new ServerOptions(backlog, reuseAddress, reusePort, startServing, ssl, seconds, sslShutdownTimeout);
    }

    /** {@link #withSslHandshakeTimeout(double)} with a {@link Duration}. */
    public ServerOptions withSslHandshakeTimeout(Duration timeout) {
        return withSslHandshakeTimeout(TlsTimeouts.seconds(timeout));
    }

    /**
     * These options with another TLS shutdown timeout.
     *
     * @throws IllegalArgumentException unless {@code seconds > 0}
     */
    public ServerOptions withSslShutdownTimeout(double seconds) {
        return new ServerOptions(backlog, reuseAddress, reusePort, startServing, ssl, sslHandshakeTimeout, seconds);
    }

    /** {@link #withSslShutdownTimeout(double)} with a {@link Duration}. */
    public ServerOptions withSslShutdownTimeout(Duration timeout) {
        return withSslShutdownTimeout(TlsTimeouts.seconds(timeout));
    }
}
