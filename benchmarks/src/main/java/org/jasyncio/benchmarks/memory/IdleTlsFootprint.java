package org.jasyncio.benchmarks.memory;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.jasyncio.AsyncIO;
import org.jasyncio.Connection;
import org.jasyncio.ConnectionOptions;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.ProactorEventLoop;
import org.jasyncio.Protocol;
import org.jasyncio.SelectorEventLoop;
import org.jasyncio.Server;
import org.jasyncio.ServerOptions;
import org.jasyncio.Transport;

/**
 * Retained heap per idle TLS connection: opens N TLS connections from clients to a TLS server on one
 * loop (both ends in this JVM), lets them settle (TLS 1.3 session tickets delivered), and compares the
 * live heap after a full GC before and after. Each connection counts twice, a client end and a server
 * end; both are reported together and per end. A few connections are opened and closed first, so the
 * JDK's TLS classes, the session cache's first entries and the loop's own buffers are in the baseline.
 * {@code java -cp benchmarks.jar org.jasyncio.benchmarks.memory.IdleTlsFootprint KEYSTORE.p12
 * [connections] [selector|proactor]}; the keystore is a PKCS12 file, password "changeit", whose
 * certificate is for localhost (the tests' {@code runtime/src/test/resources/tls/localhost.p12}).
 */
public final class IdleTlsFootprint {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final int WARM_UP = 50;

    private IdleTlsFootprint() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: IdleTlsFootprint KEYSTORE.p12 [connections] [selector|proactor]");
        }
        KeyStore keys = load(Path.of(args[0]));
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        String type = args.length > 2 ? args[2] : "selector";
        EventLoop loop = "proactor".equals(type) ? new ProactorEventLoop() : new SelectorEventLoop();
        List<Transport> servers = new ArrayList<>(count + WARM_UP);
        Server server = loop.runUntilComplete(loop.createServer(() -> new Idle(servers), "127.0.0.1", 0,
                ServerOptions.DEFAULTS.withSsl(serverContext(keys))));
        ConnectionOptions options = ConnectionOptions.DEFAULTS.withSsl(clientContext(keys))
                .withServerHostname("localhost");
        List<Transport> clients = new ArrayList<>(count + WARM_UP);

        open(loop, server.port(), options, WARM_UP, clients, servers);
        clients.forEach(Transport::close);
        clients.clear();
        settle(loop);
        servers.clear();
        long before = LiveHeap.bytes();
        open(loop, server.port(), options, count, clients, servers);
        long after = LiveHeap.bytes();
        long open = clients.stream().filter(t -> !t.isClosing()).count()
                + servers.stream().filter(t -> !t.isClosing()).count();
        double perConnection = (after - before) / (double) count;
        System.out.printf("%s loop, JDK %s: %,d TLS connections (%,d open ends), %.0f bytes retained per connection"
                + " (client + server end), %.0f per end%n",
                type, System.getProperty("java.version"), count, open, perConnection, perConnection / 2);
        clients.forEach(Transport::abort);
        server.close();
        settle(loop);
        loop.close();
    }

    /** Opens {@code count} connections and waits until both ends of each are up and quiet. */
    private static void open(EventLoop loop, int port, ConnectionOptions options, int count, List<Transport> clients,
            List<Transport> servers) {
        int expected = servers.size() + count;
        List<Future<Connection<Idle>>> connects = new ArrayList<>(count);
        Supplier<Idle> factory = () -> new Idle(null);
        for (int i = 0; i < count; i++) {
            connects.add(loop.createConnection(factory, "127.0.0.1", port, options));
            // A few at a time: the listen backlog is small and the handshakes share one thread.
            if (connects.size() % 50 == 0) {
                loop.runUntilComplete(AsyncIO.gather(connects.subList(connects.size() - 50, connects.size())));
            }
        }
        loop.runUntilComplete(AsyncIO.gather(connects));
        connects.forEach(connect -> clients.add(connect.result().transport()));
        while (servers.size() < expected) {
            settle(loop);
        }
        settle(loop);
    }

    /** Runs the loop for a while, so that post-handshake messages (session tickets) are read. */
    private static void settle(EventLoop loop) {
        Future<Void> done = loop.createFuture();
        loop.callLater(0.5, () -> done.setResult(null));
        loop.runUntilComplete(done);
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static SSLContext serverContext(KeyStore store) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static SSLContext clientContext(KeyStore store) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** A protocol that does nothing; a server end records its transport, so the connection stays reachable. */
    private static final class Idle implements Protocol {
        private final List<Transport> made;

        Idle(List<Transport> made) {
            this.made = made;
        }

        @Override
        public void connectionMade(Transport transport) {
            if (made != null) {
                made.add(transport);
            }
        }
    }
}
