package org.jasyncio.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * SSL contexts for the TLS tests, from two self-signed keystores in {@code src/test/resources/tls}
 * (password "changeit"), each made with
 * {@code keytool -genkeypair -alias localhost -keyalg EC -groupname secp256r1 -dname CN=localhost
 * -ext SAN=dns:localhost,ip:127.0.0.1 -validity 36500 -storetype PKCS12 -keystore localhost.p12
 * -storepass changeit -keypass changeit} ({@code untrusted.p12}: the same with alias untrusted and
 * {@code -dname "CN=localhost, O=Untrusted"}, a certificate no client here trusts).
 */
final class TlsContexts {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private TlsContexts() {
    }

    /** A server presenting the trusted localhost certificate. */
    static SSLContext server() {
        return serverWith("localhost.p12");
    }

    /** A server presenting a certificate no client of these tests trusts. */
    static SSLContext untrustedServer() {
        return serverWith("untrusted.p12");
    }

    /** A client trusting only the localhost certificate, with the JDK's default protocols. */
    static SSLContext client() {
        return clientFor("TLS");
    }

    /** A client trusting only the localhost certificate, speaking TLS 1.2 at most. */
    static SSLContext tls12Client() {
        return clientFor("TLSv1.2");
    }

    /**
     * A blocking JDK TLS client ({@link #client()}) layered over the connected socket {@code tcp}, expecting
     * {@code host}'s certificate; closing it leaves {@code tcp} to its owner.
     */
    static SSLSocket clientOver(Socket tcp, String host) throws IOException {
        return (SSLSocket) client().getSocketFactory().createSocket(tcp, host, tcp.getPort(), false);
    }

    private static SSLContext serverWith(String keystore) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keystore), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a server context from " + keystore, e);
        }
    }

    private static SSLContext clientFor(String protocol) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load("localhost.p12"));
            SSLContext context = SSLContext.getInstance(protocol);
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a client context for " + protocol, e);
        }
    }

    private static KeyStore load(String name) throws Exception {
        try (InputStream in = TlsContexts.class.getResourceAsStream("/tls/" + name)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return store;
        }
    }
}
