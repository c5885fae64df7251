package org.jasyncio.internal.net.tls;

import java.time.Duration;

/**
 * How long a TLS connection's handshake and shutdown may take, in seconds (asyncio's
 * {@code ssl_handshake_timeout} and {@code ssl_shutdown_timeout}). Internal to jasyncio: not for users.
 *
 * @param handshake seconds from the TCP connection to the end of the handshake
 * @param shutdown seconds from {@code close()} (or a TLS error) to the TCP connection's close
 */
public record TlsTimeouts(double handshake, double shutdown) {

    /** asyncio's {@code SSL_HANDSHAKE_TIMEOUT}. */
    public static final double DEFAULT_HANDSHAKE = 60.0;

    /** asyncio's {@code SSL_SHUTDOWN_TIMEOUT}. */
    public static final double DEFAULT_SHUTDOWN = 30.0;

    /** Checks both timeouts. */
    public TlsTimeouts {
        check("sslHandshakeTimeout", handshake);
        check("sslShutdownTimeout", shutdown);
    }

    /**
     * Checks a timeout, with asyncio's message.
     *
     * @throws IllegalArgumentException unless {@code seconds > 0}
     */
    public static void check(String name, double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException(name + " should be a positive number, got " + seconds);
        }
    }

    /** {@code duration} in seconds. */
    public static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
