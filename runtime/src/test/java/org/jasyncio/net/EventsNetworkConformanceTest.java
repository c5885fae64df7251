package org.jasyncio.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;

import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.Connection;
import org.jasyncio.ConnectionOptions;
import org.jasyncio.DatagramEndpoint;
import org.jasyncio.DatagramProtocol;
import org.jasyncio.DatagramTransport;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.Server;
import org.jasyncio.ServerOptions;
import org.jasyncio.Task;
import org.jasyncio.Transport;
import org.jasyncio.testing.Steps;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CPython's {@code Lib/test/test_asyncio/test_events.py}: the readiness, socket, server and datagram
 * tests of {@code EventLoopTestsMixin}, on real sockets on localhost, on every loop type (CPython runs
 * the mixin per selector and on the proactor), and {@code TestServer}; each is named after the CPython
 * test it ports ({@code docs/conformance.md} lists all).
 */
class EventsNetworkConformanceTest {

    static List<LoopType> loops() {
        return LoopType.all();
    }

    /** Where the Unix-socket tests bind their servers; JUnit removes it after each test. */
    @TempDir
    Path directory;

    /**
     * A path for a Unix socket named {@code name} in the test's directory; skips the test on a loop type
     * without Unix sockets (the proactor has none, as asyncio's).
     */
    private String unixSocketPath(LoopType type, String name) {
        Assumptions.assumeTrue(isSelector(type), "the proactor loop has no Unix sockets, as asyncio's");
        return directory.resolve(name).toString();
    }

    /** test_events' {@code MyBaseProto}: checks the order of its callbacks and counts the bytes it gets. */
    static class MyBaseProto implements Protocol {
        final List<String> violations = new ArrayList<>();
        final Future<Void> connected;
        final Future<Void> done;
        Transport transport;
        /**
         * The raw names as connectionMade saw them: the port's HTTP server runs on the same loop and may
         * have answered and closed before the test reads them (CPython's runs on a thread of its own), and
         * a lost TLS transport no longer answers them, as asyncio's.
         */
        Object socknameAtConnect;
        Object peernameAtConnect;
        String state = "INITIAL";
        int nbytes;

        MyBaseProto(EventLoop loop) {
            connected = loop.createFuture();
            done = loop.createFuture();
        }

        void assertState(String... expected) {
            if (!List.of(expected).contains(state)) {
                violations.add("state: " + state + ", expected: " + List.of(expected));
            }
        }

        @Override
        public void connectionMade(Transport transport) {
            this.transport = transport;
            socknameAtConnect = transport.getExtraInfo("sockname");
            peernameAtConnect = transport.getExtraInfo("peername");
            assertState("INITIAL");
            state = "CONNECTED";
            connected.setResult(null);
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            assertState("CONNECTED");
            nbytes += data.remaining();
            data.position(data.limit());
        }

        @Override
        public boolean eofReceived() {
            assertState("CONNECTED");
            state = "EOF";
            return false;
        }

        @Override
        public void connectionLost(Throwable exception) {
            assertState("CONNECTED", "EOF");
            state = "CLOSED";
            done.setResult(null);
        }
    }

    /** test_events' {@code MyProto}: a {@link MyBaseProto} that sends an HTTP request once connected. */
    static class MyProto extends MyBaseProto {
        MyProto(EventLoop loop) {
            super(loop);
        }

        @Override
        public void connectionMade(Transport transport) {
            super.connectionMade(transport);
            transport.write("GET / HTTP/1.0\r\nHost: example.com\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * test_utils' {@code run_test_server}, on the loop itself: answers a request with a response and
     * closes the connection.
     */
    static final class HttpServerProto implements Protocol {
        private Transport transport;
        private final ByteArrayOutputStream request = new ByteArrayOutputStream();

        @Override
        public void connectionMade(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            request.writeBytes(bytes);
            if (request.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                transport.write("HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello".getBytes(StandardCharsets.US_ASCII));
                transport.close();
            }
        }
    }

    /** test_events' {@code MyDatagramProto}. */
    static class MyDatagramProto implements DatagramProtocol {
        final List<String> violations = new ArrayList<>();
        final Future<Void> done;
        DatagramTransport transport;
        String state = "INITIAL";
        int nbytes;

        MyDatagramProto(EventLoop loop) {
            done = loop.createFuture();
        }

        void assertState(String expected) {
            if (!state.equals(expected)) {
                violations.add("state: " + state + ", expected: " + expected);
            }
        }

        @Override
        public void connectionMade(DatagramTransport transport) {
            this.transport = transport;
            assertState("INITIAL");
            state = "INITIALIZED";
        }

        @Override
        public void datagramReceived(ByteBuffer data, SocketAddress address) {
            assertState("INITIALIZED");
            nbytes += data.remaining();
        }

        @Override
        public void errorReceived(Exception exception) {
            assertState("INITIALIZED");
        }

        @Override
        public void connectionLost(Throwable exception) {
            assertState("INITIALIZED");
            state = "CLOSED";
            done.setResult(null);
        }
    }

    private static void write(SocketChannel channel, String text) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSelector(LoopType type) {
        return type.name().equals("selector");
    }

    // ---- readiness and socket calls ---------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("loops")
    void testReaderCallback(LoopType type) throws Exception {
        ByteArrayOutputStream bytesRead = new ByteArrayOutputStream();
        List<Boolean> removed = new ArrayList<>();
        try (SocketPair pair = SocketPair.open(); LoopUnderTest t = new LoopUnderTest(type)) {
            SocketChannel r = pair.r;
            SocketChannel w = pair.w;
            r.configureBlocking(false);
            t.loop.addReader(r, () -> {
                ByteBuffer data = ByteBuffer.allocate(1024);
                int n;
                try {
                    n = r.read(data);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (n > 0) {
                    bytesRead.write(data.array(), 0, n);
                } else if (n < 0) {
                    removed.add(t.loop.removeReader(r));
                    SocketPair.closeQuietly(r);
                }
                // n == 0: a spurious readiness notification, as asyncio's test allows
            });
            t.loop.callSoon(() -> write(w, "abc"));
            t.runUntil(() -> bytesRead.size() >= 3);
            t.loop.callSoon(() -> write(w, "def"));
            t.runUntil(() -> bytesRead.size() >= 6);
            t.loop.callSoon(() -> SocketPair.closeQuietly(w));
            t.runUntil(() -> !removed.isEmpty());
            assertEquals("abcdef", bytesRead.toString(StandardCharsets.US_ASCII));
            assertEquals(List.of(true), removed);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testWriterCallback(LoopType type) throws Exception {
        byte[] data = new byte[1024];
        java.util.Arrays.fill(data, (byte) 'x');
        try (SocketPair pair = SocketPair.open(); LoopUnderTest t = new LoopUnderTest(type)) {
            SocketChannel r = pair.r;
            SocketChannel w = pair.w;
            w.configureBlocking(false);
            t.loop.addWriter(w, () -> {
                try {
                    w.write(ByteBuffer.wrap(data));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                t.loop.stop();
            });
            t.loop.runForever();
            assertTrue(t.loop.removeWriter(w));
            assertFalse(t.loop.removeWriter(w));
            w.close();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            ByteBuffer chunk = ByteBuffer.allocate(4096);
            while (r.read(chunk.clear()) > 0) {
                read.write(chunk.array(), 0, chunk.position());
            }
            assertArrayEquals(data, read.toByteArray());
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testPromptCancellation(LoopType type) throws Exception {
        try (SocketPair pair = SocketPair.open(); LoopUnderTest t = new LoopUnderTest(type)) {
            SocketChannel r = pair.r;
            r.configureBlocking(false);
            Future<byte[]> f = t.loop.sockRecv(r, 1);
            Task<Object> main = t.loop.createTask(() -> Steps.inTurn(
                    Steps.then(() -> t.loop.callSoon(f::cancel)),
                    v -> Steps.tryAwait(f, value -> Task.completed(null),
                            e -> Task.completed(e instanceof CancelledException ? "cancelled" : e))));
            main.addDoneCallback(done -> t.loop.stop());
            t.loop.runForever();
            assertEquals("cancelled", main.result());
            assertThrows(CancelledException.class, f::result);
            assertFalse(t.loop.removeReader(r), "the cancelled recv left no reader behind");
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testRemoveFdsAfterClosing(LoopType type) throws Exception {
        try (SocketPair pair = SocketPair.open(); LoopUnderTest t = new LoopUnderTest(type)) {
            pair.r.configureBlocking(false);
            pair.w.configureBlocking(false);
            t.loop.addReader(pair.r, () -> { });
            t.loop.addWriter(pair.w, () -> { });
            t.close();
            assertFalse(t.loop.removeReader(pair.r));
            assertFalse(t.loop.removeWriter(pair.w));
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testAddFdsAfterClosing(LoopType type) throws Exception {
        try (SocketPair pair = SocketPair.open(); LoopUnderTest t = new LoopUnderTest(type)) {
            pair.r.configureBlocking(false);
            pair.w.configureBlocking(false);
            t.close();
            assertThrows(IllegalStateException.class, () -> t.loop.addReader(pair.r, () -> { }));
            assertThrows(IllegalStateException.class, () -> t.loop.addWriter(pair.w, () -> { }));
        }
    }

    // ---- connections --------------------------------------------------------------------------------

    private static void basetestCreateConnection(LoopUnderTest t, Future<Connection<MyProto>> connecting,
            boolean checkSockname) {
        Connection<MyProto> connection = t.run(connecting);
        Transport tr = connection.transport();
        MyProto pr = connection.protocol();
        assertSame(tr, pr.transport);
        if (checkSockname) {
            assertNotNull(tr.getExtraInfo("sockname"));
        }
        t.run(pr.done);
        assertTrue(pr.nbytes > 0);
        assertEquals(List.of(), pr.violations);
        tr.close();
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateConnection(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server httpd = t.run(t.loop.createServer(HttpServerProto::new, "127.0.0.1", 0));
            basetestCreateConnection(t, t.loop.createConnection(() -> new MyProto(t.loop), "127.0.0.1", httpd.port()),
                    true);
            httpd.close();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateUnixConnection(LoopType type) throws Exception {
        String path = unixSocketPath(type, "httpd.sock");
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server httpd = t.run(t.loop.createUnixServer(HttpServerProto::new, path));
            basetestCreateConnection(t, t.loop.createUnixConnection(() -> new MyProto(t.loop), path), true);
            httpd.close();
        }
    }

    private static void checkSslExtraInfo(Transport client, SocketAddress peername, boolean peercert) {
        checkSslExtraInfo(client, client.getExtraInfo("sockname"), client.getExtraInfo("peername"), peername, peercert);
    }

    private static void checkSslExtraInfo(Transport client, Object sockname, Object peernameSeen, SocketAddress peername,
            boolean peercert) {
        assertNotNull(sockname);
        if (peername != null) {
            assertEquals(peername, peernameSeen);
        } else {
            assertNotNull(peernameSeen);
        }
        if (peercert) {
            assertInstanceOf(Certificate[].class, client.getExtraInfo("peercert"));
        }
        assertInstanceOf(String.class, client.getExtraInfo("cipher"));
        SSLEngine sslObject = assertInstanceOf(SSLEngine.class, client.getExtraInfo("ssl_object"));
        assertEquals(sslObject.getSession().getCipherSuite(), client.getExtraInfo("cipher"));
    }

    private static void basetestCreateSslConnection(LoopUnderTest t, Future<Connection<MyProto>> connecting,
            SocketAddress peername) {
        Connection<MyProto> connection = t.run(connecting);
        Transport tr = connection.transport();
        MyProto pr = connection.protocol();
        checkSslExtraInfo(tr, pr.socknameAtConnect, pr.peernameAtConnect, peername, true);
        t.run(pr.done);
        assertTrue(pr.nbytes > 0);
        assertEquals(List.of(), pr.violations);
        tr.close();
    }

    private static void testCreateSslConnection(LoopUnderTest t,
            java.util.function.Function<ConnectionOptions, Future<Connection<MyProto>>> createConnection,
            SocketAddress peername) throws Exception {
        basetestCreateSslConnection(t, createConnection.apply(ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client())),
                peername);
        // with the JDK's default context, which trusts only public authorities, verification fails
        Future<Connection<MyProto>> untrusted = createConnection.apply(
                ConnectionOptions.DEFAULTS.withSsl(SSLContext.getDefault()));
        SSLHandshakeException failed = assertThrows(SSLHandshakeException.class, () -> t.run(untrusted));
        assertTrue(failed.getMessage().contains("PKIX path building failed"), failed.getMessage());
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateSslConnection(LoopType type) throws Exception {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            t.reports();
            Server httpd = t.run(t.loop.createServer(HttpServerProto::new, "127.0.0.1", 0,
                    ServerOptions.DEFAULTS.withSsl(TlsContexts.server())));
            testCreateSslConnection(t, options -> t.loop.createConnection(() -> new MyProto(t.loop), "127.0.0.1",
                    httpd.port(), options), new InetSocketAddress("127.0.0.1", httpd.port()));
            httpd.close();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateSslUnixConnection(LoopType type) throws Exception {
        String path = unixSocketPath(type, "httpd.sock");
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            t.reports();
            Server httpd = t.run(t.loop.createUnixServer(HttpServerProto::new, path,
                    ServerOptions.DEFAULTS.withSsl(TlsContexts.server())));
            testCreateSslConnection(t, options -> t.loop.createUnixConnection(() -> new MyProto(t.loop), path,
                    options.withServerHostname("127.0.0.1")), UnixDomainSocketAddress.of(path));
            httpd.close();
        }
    }

    // ---- servers ------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateServer(LoopType type) throws Exception {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            MyProto proto = new MyProto(t.loop);
            Server server = t.run(t.loop.createServer(() -> proto, "0.0.0.0", 0));
            assertEquals(1, server.sockets().size());
            InetSocketAddress sockname = (InetSocketAddress) server.sockets().get(0).getLocalAddress();
            // NIO.2's asynchronous channels take no protocol family: the proactor's "0.0.0.0" is the dual-stack "::"
            assertTrue(sockname.getAddress().isAnyLocalAddress(), sockname.toString());
            if (isSelector(type)) {
                assertEquals("0.0.0.0", sockname.getAddress().getHostAddress());
            }
            try (Socket client = new Socket("127.0.0.1", sockname.getPort())) {
                client.getOutputStream().write("xxx".getBytes(StandardCharsets.US_ASCII));
                t.run(proto.connected);
                assertEquals("CONNECTED", proto.state);
                t.runUntil(() -> proto.nbytes > 0);
                assertEquals(3, proto.nbytes);
                assertNotNull(proto.transport.getExtraInfo("sockname"));
                assertEquals("127.0.0.1",
                        ((InetSocketAddress) proto.transport.getExtraInfo("peername")).getAddress().getHostAddress());
                proto.transport.close();
                t.run(proto.done);
                assertEquals("CLOSED", proto.state);
                assertEquals(List.of(), proto.violations);
            }
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateServerReusePort(LoopType type) throws Exception {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.run(t.loop.createServer(() -> new MyProto(t.loop), "0.0.0.0", 0));
            assertEquals(1, server.sockets().size());
            assertFalse(server.sockets().get(0).getOption(StandardSocketOptions.SO_REUSEPORT));
            server.close();
            server = t.run(t.loop.createServer(() -> new MyProto(t.loop), "0.0.0.0", 0,
                    ServerOptions.DEFAULTS.withReusePort(true)));
            assertEquals(1, server.sockets().size());
            assertTrue(server.sockets().get(0).getOption(StandardSocketOptions.SO_REUSEPORT));
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateUnixServer(LoopType type) throws Exception {
        Path path = Path.of(unixSocketPath(type, "server.sock"));
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            MyProto proto = new MyProto(t.loop);
            Server server = t.run(t.loop.createUnixServer(() -> proto, path.toString()));
            assertEquals(1, server.sockets().size());
            try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                client.connect(UnixDomainSocketAddress.of(path));
                write(client, "xxx");
                t.run(proto.connected);
                assertEquals("CONNECTED", proto.state);
                t.runUntil(() -> proto.nbytes > 0);
                assertEquals(3, proto.nbytes);
                proto.transport.close();
                t.run(proto.done);
                assertEquals("CLOSED", proto.state);
            }
            server.close();
        }
    }

    private static ServerOptions tls(SSLContext server) {
        return ServerOptions.DEFAULTS.withSsl(server);
    }

    /** The client of test_create_server_ssl and test_create_unix_server_ssl. */
    private static void checkServerSsl(LoopUnderTest t, MyProto proto, Connection<MyBaseProto> client,
            SocketAddress peername) {
        client.transport().write("xxx".getBytes(StandardCharsets.US_ASCII));
        t.run(proto.connected);
        assertEquals("CONNECTED", proto.state);
        t.runUntil(() -> proto.nbytes > 0);
        assertEquals(3, proto.nbytes);
        checkSslExtraInfo(client.transport(), peername, true);
        proto.transport.close();
        t.run(proto.done);
        assertEquals("CLOSED", proto.state);
        client.transport().close();
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateServerSsl(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            MyProto proto = new MyProto(t.loop);
            Server server = t.run(t.loop.createServer(() -> proto, "127.0.0.1", 0, tls(TlsContexts.server())));
            assertEquals("127.0.0.1",
                    ((InetSocketAddress) server.sockets().get(0).getLocalAddress()).getAddress().getHostAddress());
            Connection<MyBaseProto> client = t.run(t.loop.createConnection(() -> new MyBaseProto(t.loop), "127.0.0.1",
                    server.port(), ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client())));
            checkServerSsl(t, proto, client, new InetSocketAddress("127.0.0.1", server.port()));
            server.close();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateUnixServerSsl(LoopType type) throws Exception {
        String path = unixSocketPath(type, "server.sock");
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            MyProto proto = new MyProto(t.loop);
            Server server = t.run(t.loop.createUnixServer(() -> proto, path, tls(TlsContexts.server())));
            Connection<MyBaseProto> client = t.run(t.loop.createUnixConnection(() -> new MyBaseProto(t.loop), path,
                    ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client()).withServerHostname("")));
            checkServerSsl(t, proto, client, UnixDomainSocketAddress.of(path));
            server.close();
        }
    }

    /**
     * test_create_server_ssl_verify_failed and its Unix and host-name variants: the handshake fails on
     * the client with {@code expected} in the message, and the server never makes its protocol.
     */
    private static void assertHandshakeFails(LoopUnderTest t, MyProto proto,
            Supplier<Future<Connection<MyProto>>> connect, String expected) {
        SSLHandshakeException failed = assertThrows(SSLHandshakeException.class, () -> t.run(connect.get()));
        assertTrue(failed.getMessage().contains(expected), failed.getMessage());
        t.spin(3);
        assertNull(proto.transport, "the server's protocol never connected");
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateServerSslVerifyFailed(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            t.reports();
            MyProto proto = new MyProto(t.loop);
            Server server = t.run(t.loop.createServer(() -> proto, "127.0.0.1", 0,
                    tls(TlsContexts.untrustedServer())));
            assertHandshakeFails(t, proto, () -> t.loop.createConnection(() -> new MyProto(t.loop), "127.0.0.1",
                    server.port(), ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client())),
                    "PKIX path building failed");
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateUnixServerSslVerifyFailed(LoopType type) throws Exception {
        String path = unixSocketPath(type, "server.sock");
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            t.reports();
            MyProto proto = new MyProto(t.loop);
            Server server = t.run(t.loop.createUnixServer(() -> proto, path, tls(TlsContexts.untrustedServer())));
            assertHandshakeFails(t, proto, () -> t.loop.createUnixConnection(() -> new MyProto(t.loop), path,
                    ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client()).withServerHostname("invalid")),
                    "PKIX path building failed");
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateServerSslMatchFailed(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            t.reports();
            MyProto proto = new MyProto(t.loop);
            Server server = t.run(t.loop.createServer(() -> proto, "127.0.0.1", 0, tls(TlsContexts.server())));
            assertHandshakeFails(t, proto, () -> t.loop.createConnection(() -> new MyProto(t.loop), "127.0.0.1",
                    server.port(), ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client())
                            .withServerHostname("example.com")),
                    "example.com");
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateServerSslVerified(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            MyProto proto = new MyProto(t.loop);
            Server server = t.run(t.loop.createServer(() -> proto, "127.0.0.1", 0, tls(TlsContexts.server())));
            Connection<MyProto> client = t.run(t.loop.createConnection(() -> new MyProto(t.loop), "127.0.0.1",
                    server.port(), ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client()).withServerHostname("localhost")));
            t.run(proto.connected);
            checkSslExtraInfo(client.transport(), new InetSocketAddress("127.0.0.1", server.port()), true);
            proto.transport.close();
            client.transport().close();
            server.close();
            t.run(proto.done);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateUnixServerSslVerified(LoopType type) throws Exception {
        String path = unixSocketPath(type, "server.sock");
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            MyProto proto = new MyProto(t.loop);
            Server server = t.run(t.loop.createUnixServer(() -> proto, path, tls(TlsContexts.server())));
            Connection<MyProto> client = t.run(t.loop.createUnixConnection(() -> new MyProto(t.loop), path,
                    ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client()).withServerHostname("localhost")));
            t.run(proto.connected);
            proto.transport.close();
            client.transport().close();
            server.close();
            t.run(proto.done);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateServerAddrInUse(LoopType type) throws Exception {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.run(t.loop.createServer(() -> new MyProto(t.loop), "0.0.0.0", 0));
            int port = server.port();
            UncheckedIOException inUse = assertThrows(UncheckedIOException.class,
                    () -> t.run(t.loop.createServer(() -> new MyProto(t.loop), "0.0.0.0", port)));
            assertInstanceOf(java.net.BindException.class, inUse.getCause(), inUse.toString());
            assertTrue(inUse.getMessage().contains("error while attempting to bind on address"), inUse.getMessage());
            server.close();
        }
    }

    private static boolean ipv6Loopback() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateServerDualStack(LoopType type) throws Exception {
        Assumptions.assumeTrue(ipv6Loopback(), "no IPv6 loopback");
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            List<Future<MyProto>> connections = new ArrayList<>(List.of(t.loop.createFuture(), t.loop.createFuture()));
            Server server = t.run(t.loop.createServer(() -> new MyProto(t.loop) {
                @Override
                public void connectionMade(Transport transport) {
                    super.connectionMade(transport);
                    connections.remove(0).setResult(this);
                }
            }, null, 0));
            int port = server.port();
            for (String host : List.of("127.0.0.1", "::1")) {
                Future<MyProto> fProto = connections.get(0);
                try (Socket client = new Socket(host, port)) {
                    client.getOutputStream().write("xxx".getBytes(StandardCharsets.US_ASCII));
                    MyProto proto = t.run(fProto);
                    proto.transport.close();
                }
            }
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testServerClose(LoopType type) throws Exception {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.run(t.loop.createServer(() -> new MyProto(t.loop), "0.0.0.0", 0));
            int port = server.port();
            try (Socket client = new Socket("127.0.0.1", port)) {
                client.getOutputStream().write("xxx".getBytes(StandardCharsets.US_ASCII));
            }
            server.close();
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testGetLoop(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.run(t.loop.createServer(() -> new MyProto(t.loop), "0.0.0.0", 0));
            assertSame(t.loop, server.getLoop());
            server.close();
            t.run(server.waitClosed());
        }
    }

    // ---- datagrams ----------------------------------------------------------------------------------

    private static void testCreateDatagramEndpoint(LoopType type, String localHost) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            DatagramEndpoint<MyDatagramProto> serving = t.run(t.loop.createDatagramEndpoint(
                    () -> new MyDatagramProto(t.loop) {
                        @Override
                        public void datagramReceived(ByteBuffer data, SocketAddress address) {
                            ByteBuffer response = ByteBuffer.allocate(5 + data.remaining());
                            response.put("resp:".getBytes(StandardCharsets.US_ASCII)).put(data.duplicate()).flip();
                            super.datagramReceived(data, address);
                            transport.sendto(response, address);
                        }
                    }, localHost, 0, null, 0));
            DatagramTransport sTransport = serving.transport();
            MyDatagramProto server = serving.protocol();
            InetSocketAddress sockname = (InetSocketAddress) sTransport.getExtraInfo("sockname");
            assertEquals("INITIALIZED", server.state);
            assertSame(sTransport, server.transport);

            DatagramEndpoint<MyDatagramProto> connected = t.run(t.loop.createDatagramEndpoint(
                    () -> new MyDatagramProto(t.loop), null, 0, sockname.getAddress().getHostAddress(),
                    sockname.getPort()));
            DatagramTransport transport = connected.transport();
            MyDatagramProto client = connected.protocol();
            assertEquals("INITIALIZED", client.state);
            assertSame(transport, client.transport);

            transport.sendto("xxx".getBytes(StandardCharsets.US_ASCII), null);
            t.runUntil(() -> server.nbytes > 0);
            assertEquals(3, server.nbytes);
            t.runUntil(() -> client.nbytes > 0);
            assertEquals(8, client.nbytes);
            assertNotNull(transport.getExtraInfo("sockname"));

            transport.close();
            t.run(client.done);
            assertEquals("CLOSED", client.state);
            server.transport.close();
            t.run(server.done);
            assertEquals(List.of(), client.violations);
            assertEquals(List.of(), server.violations);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateDatagramEndpoint(LoopType type) {
        testCreateDatagramEndpoint(type, "127.0.0.1");
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateDatagramEndpointIpv6(LoopType type) {
        Assumptions.assumeTrue(ipv6Loopback(), "no IPv6 loopback");
        testCreateDatagramEndpoint(type, "::1");
    }

    /** test_datagram_send_to_non_listening_address's protocol: hands each datagram to whoever waits. */
    static final class Receiving implements DatagramProtocol {
        private final EventLoop loop;
        private Future<String> receivedDatagram;

        Receiving(EventLoop loop) {
            this.loop = loop;
        }

        @Override
        public void datagramReceived(ByteBuffer data, SocketAddress address) {
            receivedDatagram.setResult(StandardCharsets.US_ASCII.decode(data).toString());
        }

        Future<String> waitForDatagramReceived() {
            receivedDatagram = loop.createFuture();
            return AsyncIO.waitFor(receivedDatagram, 10);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testDatagramSendToNonListeningAddress(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            List<DatagramEndpoint<Receiving>> endpoints = new ArrayList<>();
            List<SocketAddress> addresses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                DatagramEndpoint<Receiving> endpoint = t.run(t.loop.createDatagramEndpoint(
                        () -> new Receiving(t.loop), "127.0.0.1", 0, null, 0));
                endpoints.add(endpoint);
                addresses.add((SocketAddress) endpoint.transport().getExtraInfo("sockname"));
            }
            endpoints.get(2).transport().abort();
            DatagramTransport transport1 = endpoints.get(0).transport();
            DatagramTransport transport2 = endpoints.get(1).transport();

            Future<String> at2 = endpoints.get(1).protocol().waitForDatagramReceived();
            transport1.sendto("a".getBytes(StandardCharsets.US_ASCII), addresses.get(1));
            assertEquals("a", t.run(at2));

            Future<String> at1 = endpoints.get(0).protocol().waitForDatagramReceived();
            transport2.sendto("b".getBytes(StandardCharsets.US_ASCII), addresses.get(0));
            assertEquals("b", t.run(at1));

            transport1.sendto("c".getBytes(StandardCharsets.US_ASCII), addresses.get(2));
            t.run(AsyncIO.sleep(0));

            at1 = endpoints.get(0).protocol().waitForDatagramReceived();
            transport2.sendto("d".getBytes(StandardCharsets.US_ASCII), addresses.get(0));
            assertEquals("d", t.run(at1));
            transport1.close();
            transport2.close();
        }
    }
}
