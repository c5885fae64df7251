package org.jasyncio;

import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.jasyncio.internal.net.tls.TlsTimeouts;

/**
 * Options of {@link EventLoop#createConnection(java.util.function.Supplier, String, int, ConnectionOptions)}
 * and {@link AsyncIO#openConnection(String, int, ConnectionOptions)}, and of upgrading a connection with
 * {@link EventLoop#startTls(Transport, Protocol, ConnectionOptions)} or
 * {@link StreamWriter#startTls(ConnectionOptions)}; start from {@link #DEFAULTS} and change what you
 * need, e.g. {@code ConnectionOptions.DEFAULTS.withSsl(SSLContext.getDefault())} for a TLS connection
 * that trusts the JDK's CA certificates.
 *
 * <p>With {@code ssl} set, the connection's future completes once the TLS handshake succeeded (the
 * protocol's {@code connectionMade} runs then), or fails with the handshake's
 * {@link javax.net.ssl.SSLHandshakeException} (e.g. "PKIX path building failed" for a certificate the
 * context does not trust, "No subject alternative DNS name matching ..." for a wrong host name) or
 * with {@link TimeoutException} after {@code sslHandshakeTimeout}. The transport then has
 * {@code getExtraInfo("ssl_object")} (the {@link javax.net.ssl.SSLEngine}), {@code "peercert"} (the
 * server's {@link java.security.cert.Certificate} chain), {@code "cipher"} (the cipher suite's name) and
 * {@code "sslcontext"}; TLS has no half-close, so {@link Transport#canWriteEof()} is false and the value
 * {@link Protocol#eofReceived()} returns is ignored (the connection closes after it).
 *
 * @param ssl asyncio's {@code ssl}: the context whose trust manager checks the server's certificate
 *     ({@code null}: plain TCP)
 * @param serverHostname the name sent in SNI and checked against the server's certificate
 *     (endpoint identification "HTTPS", as Python's default context checks the host name);
 *     {@code null}: the host connected to; {@code ""}: no SNI and no host name check (only the chain is
 *     verified, which lets any certificate the context trusts pass: a risk). Only meaningful with
 *     {@code ssl}
 * @param sslHandshakeTimeout seconds the TLS handshake may take before the connection is aborted (60)
 * @param sslShutdownTimeout seconds a TLS connection's {@code close()} may take (flushing, sending
 *     close_notify and waiting for the peer's) before the connection is aborted (30)
 */
public record ConnectionOptions(SSLContext ssl, String serverHostname, double sslHandshakeTimeout,
        double sslShutdownTimeout) {

    /** asyncio's defaults: plain TCP; with TLS, the host's name, a 60 s handshake and a 30 s shutdown timeout. */
    public static final ConnectionOptions DEFAULTS = new ConnectionOptions(null, null,
            TlsTimeouts.DEFAULT_HANDSHAKE, TlsTimeouts.DEFAULT_SHUTDOWN);

    /**
     * Checks the timeouts.
     *
     * @throws IllegalArgumentException if a timeout is not positive
     */
    public ConnectionOptions {
        TlsTimeouts.check("sslHandshakeTimeout", sslHandshakeTimeout);
        TlsTimeouts.check("sslShutdownTimeout", sslShutdownTimeout);
    }

    /** These options with TLS through {@code context}, or plain TCP if {@code null}. */
    public ConnectionOptions withSsl(SSLContext context) {
        return new ConnectionOptions(context, serverHostname, sslHandshakeTimeout, sslShutdownTimeout);
    }

    /** These options with the name for SNI and the certificate check ({@code null}: the host; {@code ""}: none). */
    public ConnectionOptions withServerHostname(String name) {
        return new ConnectionOptions(ssl, name, sslHandshakeTimeout, sslShutdownTimeout);
    }

    /**
     * These options with another TLS handshake timeout.
     *
     * @throws IllegalArgumentException unless {@code seconds > 0}
     */
    public ConnectionOptions withSslHandshakeTimeout(double seconds) {
        return new ConnectionOptions(ssl, serverHostname, seconds, sslShutdownTimeout);
    }

    /** {@link #withSslHandshakeTimeout(double)} with a {@link Duration}. */
    public ConnectionOptions withSslHandshakeTimeout(Duration timeout) {
        return withSslHandshakeTimeout(TlsTimeouts.seconds(timeout));
    }

    /**
     * These options with another TLS shutdown timeout.
     *
     * @throws IllegalArgumentException unless {@code seconds > 0}
     */
    public ConnectionOptions withSslShutdownTimeout(double seconds) {
        return new ConnectionOptions(ssl, serverHostname, sslHandshakeTimeout, seconds);
    }

    /** {@link #withSslShutdownTimeout(double)} with a {@link Duration}. */
    public ConnectionOptions withSslShutdownTimeout(Duration timeout) {
        return withSslShutdownTimeout(TlsTimeouts.seconds(timeout));
    }
}
