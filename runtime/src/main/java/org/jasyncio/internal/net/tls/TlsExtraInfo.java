package org.jasyncio.internal.net.tls;

import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * What a TLS transport tells by asyncio's {@code get_extra_info} names: {@code "ssl_object"} (the
 * {@link javax.net.ssl.SSLEngine}), {@code "peercert"} (the peer's certificate chain, or {@code null}
 * if it sent none), {@code "cipher"} (the cipher suite's name), {@code "sslcontext"}; every other name
 * is the raw transport's ({@code "peername"}, {@code "sockname"}, {@code "socket"}) while the connection
 * lasts, and {@code null} once it is lost, as asyncio's SSL transport forgets its raw transport then.
 * Internal to jasyncio.
 */
final class TlsExtraInfo {

    private final TlsProtocol tls;

    TlsExtraInfo(TlsProtocol tls) {
        this.tls = tls;
    }

    Object get(String name) {
        switch (name) {
            case "ssl_object":
                return tls.engine();
            case "peercert":
                try {
                    return tls.engine().getSession().getPeerCertificates();
                } catch (SSLPeerUnverifiedException e) {
                    return null;
                }
            case "cipher":
                return tls.engine().getSession().getCipherSuite();
            case "sslcontext":
                return tls.context();
            default:
                return tls.lost() ? null : tls.raw().getExtraInfo(name);
        }
    }
}
