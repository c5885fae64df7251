package org.jasyncio.net;

import static org.jasyncio.net.Payloads.bytes;
import static org.jasyncio.net.ThreadedServer.clientTls;
import static org.jasyncio.net.ThreadedServer.recvAll;
import static org.jasyncio.net.ThreadedServer.serverTls;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.jasyncio.AsyncIO;
import org.jasyncio.ConnectionException;
import org.jasyncio.ConnectionOptions;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.Server;
import org.jasyncio.ServerOptions;
import org.jasyncio.StreamWriter;
import org.jasyncio.Streams;
import org.jasyncio.TimeoutException;
import org.jasyncio.Transport;
import org.jasyncio.testing.Steps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CPython's {@code Lib/test/test_asyncio/test_ssl.py}, each test named after the CPython test it ports
 * ({@code docs/conformance.md} lists all), on real localhost sockets and both loop types. The blocking
 * peers are {@link ThreadedServer}s and executor threads with JDK {@link SSLSocket}s; the self-signed
 * certificate is {@link TlsContexts}' (CPython's clients skip verification with {@code server_hostname=''};
 * jasyncio's clients here trust that certificate, and {@code withServerHostname("")} skips the name check).
 * asyncio's coroutines are {@link Steps} bodies.
 */
class SslConformanceTest {

    private static final int BUF_MULTIPLIER = 1024;
    private static final byte[] A_DATA = filled('A', 1024 * BUF_MULTIPLIER);
    private static final byte[] B_DATA = filled('B', 1024 * BUF_MULTIPLIER);
    static final byte[] HELLO_MSG = filled('1', 1024 * 100);
    /** Bound for a whole test's exchange (CPython's LONG_TIMEOUT is 5 minutes). */
    static final double TIMEOUT = 120;

    static List<LoopType> loops() {
        return LoopType.all();
    }

    static byte[] filled(char c, int n) {
        byte[] data = new byte[n];
        Arrays.fill(data, (byte) c);
        return data;
    }

    static ConnectionOptions client() {
        return ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client()).withServerHostname("");
    }

    /** Runs the loop until {@code future} is done, for exchanges longer than one step. */
    static <T> T runLong(LoopUnderTest t, Future<T> future) {
        return t.loop.runUntilComplete(AsyncIO.waitFor(future, TIMEOUT));
    }

    /** CPython's {@code self.wait_closed(writer)}: waits, ignoring a connection error. */
    static Future<Object> waitClosed(StreamWriter writer) {
        return Steps.tryAwait(writer.waitClosed(), v -> Steps.DONE, e -> {
            if (e instanceof ConnectionException || e instanceof SSLException) {
                return Steps.DONE;
            }
            throw e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
        });
    }

    /**
     * The server of {@code test_create_server_ssl_1} and {@code test_create_server_ssl_over_ssl} against
     * {@code totalCnt} blocking clients at once, each on a thread of its own: a TLS streams server whose
     * {@code handle_client}, once {@code upgrade} (made from its writer) is done, reads A_DATA, answers
     * "OK", reads B_DATA, answers "SPAM" with {@code writelines} and closes. Asserts that every client and
     * every handler got through.
     */
    private static void serveClients(LoopType type, int totalCnt, Function<StreamWriter, Future<?>> upgrade,
            LoopUnderTest.Conversation<Void> client) {
        int[] cnt = {0};
        ExecutorService clients = Executors.newFixedThreadPool(totalCnt);
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server srv = t.startServer((reader, writer) -> Steps.inTurn(
                    v -> upgrade.apply(writer),
                    v -> reader.readexactly(A_DATA.length),
                    data -> {
                        assertArrayEquals(A_DATA, (byte[]) data);
                        writer.write(bytes("OK"));
                        return reader.readexactly(B_DATA.length);
                    },
                    data -> {
                        assertArrayEquals(B_DATA, (byte[]) data);
                        writer.writelines(List.of(bytes("SP"), bytes("A"), bytes("M")));
                        return writer.drain();
                    },
                    Steps.then(() -> {
                        writer.close();
                        cnt[0]++;
                    })),
                    ServerOptions.DEFAULTS.withSsl(TlsContexts.server()).withSslHandshakeTimeout(30));
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < totalCnt; i++) {
                tasks.add(t.loop.runInExecutor(clients, () -> {
                    try (Socket tcp = new Socket("127.0.0.1", srv.port())) {
                        tcp.setSoTimeout(60_000);
                        return client.over(tcp);
                    }
                }));
            }
            runLong(t, AsyncIO.gather(tasks));
            t.loop.callSoon(srv::close);
            runLong(t, srv.waitClosed());
            assertEquals(totalCnt, cnt[0]);
        } finally {
            clients.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateServerSsl1(LoopType type) {
        serveClients(type, 25, writer -> Steps.DONE, tcp -> {
            try (SSLSocket sock = clientTls(tcp, TlsContexts.client())) {
                sock.getOutputStream().write(A_DATA);
                assertArrayEquals(bytes("OK"), recvAll(sock.getInputStream(), 2));
                sock.getOutputStream().write(B_DATA);
                assertArrayEquals(bytes("SPAM"), recvAll(sock.getInputStream(), 4));
            }
            return null;
        });
    }

    /**
     * The server's handler starts a second TLS inside the first ({@code start_tls} on the TLS transport);
     * each client wraps its TLS socket in a second TLS socket, reads to the end of the inner stream (the
     * server's inner close_notify) and ends the inner TLS, then the outer, with close_notify.
     */
    @ParameterizedTest
    @MethodSource("loops")
    void testCreateServerSslOverSsl(LoopType type) {
        serveClients(type, 25, writer -> writer.startTls(TlsContexts.server()), tcp -> {
            try (SSLSocket outer = clientTls(tcp, TlsContexts.client()); SSLSocket sock = clientTls(outer, TlsContexts.client())) {
                sock.getOutputStream().write(A_DATA);
                assertArrayEquals(bytes("OK"), recvAll(sock.getInputStream(), 2));
                sock.getOutputStream().write(B_DATA);
                assertArrayEquals(bytes("SPAM"), sock.getInputStream().readAllBytes());
            }
            return null;
        });
    }

    /** The server's side of {@code test_create_connection_ssl_1}. */
    private static void sendOkThenSpam(Socket raw) throws IOException {
        try (SSLSocket sock = serverTls(raw, TlsContexts.server())) {
            assertArrayEquals(A_DATA, recvAll(sock.getInputStream(), A_DATA.length));
            sock.getOutputStream().write(bytes("OK"));
            assertArrayEquals(B_DATA, recvAll(sock.getInputStream(), B_DATA.length));
            sock.getOutputStream().write(bytes("SPAM"));
        }
    }

    /**
     * The clients of {@code test_create_connection_ssl_1} and {@code test_shutdown_cleanly}, {@code count}
     * of them at once: each opens a TLS connection to {@code port}, sends A_DATA, expects "OK", then reads
     * what {@code next} starts (after writing what it writes) and expects {@code expected}, and closes.
     * Returns how many got through ({@code CNT}).
     */
    private static int clientsSendingA(LoopUnderTest t, int port, int count, Function<Streams, Future<byte[]>> next,
            byte[] expected) {
        int[] cnt = {0};
        List<Future<?>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Streams[] s = new Streams[1];
            tasks.add(Steps.inTurn(
                    v -> AsyncIO.openConnection("127.0.0.1", port, client().withSslHandshakeTimeout(30)),
                    streams -> {
                        s[0] = (Streams) streams;
                        s[0].writer().write(A_DATA);
                        return s[0].reader().readexactly(2);
                    },
                    ok -> {
                        assertArrayEquals(bytes("OK"), (byte[]) ok);
                        return next.apply(s[0]);
                    },
                    last -> {
                        assertArrayEquals(expected, (byte[]) last);
                        cnt[0]++;
                        s[0].writer().close();
                        return waitClosed(s[0].writer());
                    }));
        }
        runLong(t, AsyncIO.gather(tasks));
        return cnt[0];
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateConnectionSsl1(LoopType type) throws IOException {
        int totalCnt = 25;
        try (LoopUnderTest t = new LoopUnderTest(type);
                ThreadedServer srv = new ThreadedServer(t.loop, SslConformanceTest::sendOkThenSpam, totalCnt, totalCnt)) {
            t.loop.setExceptionHandler(null);
            assertEquals(totalCnt, clientsSendingA(t, srv.port(), totalCnt, s -> {
                s.writer().write(B_DATA);
                return s.reader().readexactly(4);
            }, bytes("SPAM")));
            runLong(t, srv.done);
        }
    }

    /** A server that reads until its client leaves, never answering; {@code aborted} is set when it left. */
    static ThreadedServer silentServer(LoopUnderTest t, AtomicBoolean aborted) throws IOException {
        return new ThreadedServer(t.loop, sock -> {
            InputStream in = sock.getInputStream();
            try {
                while (in.read(new byte[1024 * 1024]) >= 0) {
                    // swallow the ClientHello
                }
            } catch (IOException reset) {
                // the client aborted
            }
            aborted.set(true);
        });
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateConnectionSslSlowHandshake(LoopType type) throws IOException {
        try (LoopUnderTest t = new LoopUnderTest(type); ThreadedServer srv = silentServer(t, new AtomicBoolean())) {
            List<Map<String, Object>> messages = t.reports();
            TimeoutException slow = assertThrows(TimeoutException.class, () -> t.call(() -> AsyncIO.openConnection(
                    "127.0.0.1", srv.port(), client().withSslHandshakeTimeout(1.0))));
            assertTrue(slow.getMessage().matches("SSL handshake.*is taking longer.*"), slow.getMessage());
            runLong(t, srv.done);
            assertEquals(List.of(), messages);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateConnectionSslFailedCertificate(LoopType type) throws IOException {
        ThreadedServer.Prog server = sock -> {
            try (SSLSocket tls = serverTls(sock, TlsContexts.untrustedServer())) {
                tls.getInputStream().read();
            } catch (IOException expected) {
                // the client refuses the certificate
            }
        };
        try (LoopUnderTest t = new LoopUnderTest(type); ThreadedServer srv = new ThreadedServer(t.loop, server)) {
            t.reports();
            SSLHandshakeException refused = assertThrows(SSLHandshakeException.class, () -> t.call(() -> AsyncIO.openConnection(
                    "127.0.0.1", srv.port(), client().withSslHandshakeTimeout(30))));
            assertTrue(refused.getMessage().contains("PKIX"), refused.getMessage());
            runLong(t, srv.done);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testSslHandshakeTimeout(LoopType type) throws IOException {
        AtomicBoolean serverSideAborted = new AtomicBoolean();
        try (LoopUnderTest t = new LoopUnderTest(type); ThreadedServer srv = silentServer(t, serverSideAborted)) {
            List<Map<String, Object>> messages = t.reports();
            assertThrows(TimeoutException.class, () -> t.run(AsyncIO.waitFor(t.loop.createConnection(
                    () -> new Protocol() { }, "127.0.0.1", srv.port(), client().withSslHandshakeTimeout(10.0)), 0.5)));
            runLong(t, srv.done);
            assertTrue(serverSideAborted.get());
            // Python issue #23197: cancelling a handshake must not raise an exception or log an error
            assertEquals(List.of(), messages);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testSslHandshakeConnectionLost(LoopType type) throws IOException {
        List<String> calls = new ArrayList<>();
        ThreadedServer.Prog server = sock -> {
            sock.getInputStream().read(new byte[1024]);
            // break the connection during handshake
        };
        try (LoopUnderTest t = new LoopUnderTest(type); ThreadedServer srv = new ThreadedServer(t.loop, server)) {
            t.reports();
            Protocol clientProto = new Protocol() {
                @Override
                public void connectionMade(Transport transport) {
                    calls.add("connection_made");
                }

                @Override
                public void connectionLost(Throwable exc) {
                    calls.add("connection_lost");
                }
            };
            SSLHandshakeException lost = assertThrows(SSLHandshakeException.class, () -> t.run(t.loop.createConnection(
                    () -> clientProto, "127.0.0.1", srv.port(), client())));
            assertTrue(lost.getMessage().contains("terminated the handshake"), lost.getMessage());
            runLong(t, srv.done);
            assertEquals(List.of(), calls, "neither connection_made nor connection_lost");
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testStartTlsClientCorruptedSsl(LoopType type) throws IOException {
        ThreadedServer.Prog server = sock -> {
            try (SSLSocket tls = serverTls(sock, TlsContexts.server())) {
                tls.getOutputStream().write(bytes("A\n"));
                recvAll(tls.getInputStream(), 1);
                sock.getOutputStream().write(bytes("please corrupt the SSL connection"));
            } catch (IOException expected) {
                // the client gives up on the corrupted connection (an alert, or a reset)
            }
        };
        try (LoopUnderTest t = new LoopUnderTest(type); ThreadedServer srv = new ThreadedServer(t.loop, server)) {
            t.reports();
            Streams s = t.call(() -> AsyncIO.openConnection("127.0.0.1", srv.port(), client()));
            assertArrayEquals(bytes("A\n"), t.run(s.reader().readline()));
            s.writer().write(bytes("B"));
            assertThrows(SSLException.class, () -> t.run(s.reader().readline()));
            s.writer().close();
            t.run(waitClosed(s.writer()));
            runLong(t, srv.done);
        }
    }

    /** CPython's {@code ClientProto}: the first data and the EOF as futures; counts {@code connection_made}. */
    static final class ClientProto implements Protocol {
        final Future<byte[]> onData;
        final Future<Boolean> onEof;
        final int[] conMadeCnt;

        ClientProto(Future<byte[]> onData, Future<Boolean> onEof, int[] conMadeCnt) {
            this.onData = onData;
            this.onEof = onEof;
            this.conMadeCnt = conMadeCnt;
        }

        @Override
        public void connectionMade(Transport tr) {
            conMadeCnt[0]++;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            onData.setResult(bytes);
        }

        @Override
        public boolean eofReceived() {
            onEof.setResult(true);
            return false;
        }
    }

    /** The server of {@code test_start_tls_client_reg_proto_1}: plain hello, then TLS: "O", hello, close_notify. */
    static void plainHelloThenTls(Socket sock, String... replies) throws IOException {
        assertEquals(HELLO_MSG.length, recvAll(sock.getInputStream(), HELLO_MSG.length).length);
        try (SSLSocket tls = serverTls(sock, TlsContexts.server())) {
            for (String reply : replies) {
                tls.getOutputStream().write(bytes(reply));
                assertEquals(HELLO_MSG.length, recvAll(tls.getInputStream(), HELLO_MSG.length).length);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testStartTlsClientRegProto1(LoopType type) throws IOException {
        try (LoopUnderTest t = new LoopUnderTest(type);
                ThreadedServer srv = new ThreadedServer(t.loop, sock -> plainHelloThenTls(sock, "O"))) {
            Future<byte[]> onData = t.loop.createFuture();
            Future<Boolean> onEof = t.loop.createFuture();
            int[] conMadeCnt = {0};
            Transport tr = t.connect(new ClientProto(onData, onEof, conMadeCnt), srv.port());
            tr.write(HELLO_MSG);
            Transport newTr = t.run(t.loop.startTls(tr, tr.getProtocol(), ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client())));
            assertArrayEquals(bytes("O"), t.run(onData));
            newTr.write(HELLO_MSG);
            t.run(onEof);
            newTr.close();
            assertEquals(1, conMadeCnt[0], "connection_made is called once");
            runLong(t, srv.done);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateConnectionMemoryLeak(LoopType type) throws IOException {
        ThreadedServer.Prog serve = sock -> {
            try (SSLSocket tls = serverTls(sock, TlsContexts.server())) {
                tls.getOutputStream().write(bytes("O"));
                assertEquals(HELLO_MSG.length, recvAll(tls.getInputStream(), HELLO_MSG.length).length);
            }
        };
        try (LoopUnderTest t = new LoopUnderTest(type); ThreadedServer srv = new ThreadedServer(t.loop, serve)) {
            Future<byte[]> onData = t.loop.createFuture();
            Future<Boolean> onEof = t.loop.createFuture();
            int[] conMadeCnt = {0};
            Transport tr = t.connect(new ClientProto(onData, onEof, conMadeCnt), srv.port(),
                    ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client()));
            assertArrayEquals(bytes("O"), t.run(onData));
            tr.write(HELLO_MSG);
            t.run(onEof);
            tr.close();
            assertEquals(1, conMadeCnt[0]);
            runLong(t, srv.done);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testStartTlsClientBufProto1(LoopType type) throws IOException {
        try (LoopUnderTest t = new LoopUnderTest(type);
                ThreadedServer srv = new ThreadedServer(t.loop, sock -> plainHelloThenTls(sock, "O", "2"))) {
            Future<byte[]> onData1 = t.loop.createFuture();
            Future<byte[]> onData2 = t.loop.createFuture();
            Future<Boolean> onEof = t.loop.createFuture();
            int[] clientConMadeCalls = {0};
            Transport tr = t.connect(new ClientProto(onData1, t.loop.createFuture(), clientConMadeCalls), srv.port());
            tr.write(HELLO_MSG);
            Transport newTr = t.run(t.loop.startTls(tr, tr.getProtocol(), ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client())));
            assertArrayEquals(bytes("O"), t.run(onData1));
            newTr.write(HELLO_MSG);
            newTr.setProtocol(new ClientProto(onData2, onEof, clientConMadeCalls));
            assertArrayEquals(bytes("2"), t.run(onData2));
            newTr.write(HELLO_MSG);
            t.run(onEof);
            newTr.close();
            // connection_made() is called only once: start TLS doesn't call it on application protocols.
            assertEquals(1, clientConMadeCalls[0]);
            runLong(t, srv.done);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testStartTlsSlowClientCancel(LoopType type) throws IOException {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Future<Void> serverWaitsOnHandshake = t.loop.createFuture();
            ThreadedServer.Prog serve = sock -> {
                assertEquals(HELLO_MSG.length, recvAll(sock.getInputStream(), HELLO_MSG.length).length);
                t.loop.callSoonThreadsafe(() -> serverWaitsOnHandshake.setResult(null));
                InputStream in = sock.getInputStream();
                while (in.read(new byte[1024 * 1024]) >= 0) {
                    // the ClientHello, then the client leaves
                }
            };
            try (ThreadedServer srv = new ThreadedServer(t.loop, serve)) {
                int[] conMadeCnt = {0};
                Transport tr = t.connect(new ClientProto(t.loop.createFuture(), t.loop.createFuture(), conMadeCnt), srv.port());
                tr.write(HELLO_MSG);
                t.run(serverWaitsOnHandshake);
                assertThrows(TimeoutException.class, () -> t.run(AsyncIO.waitFor(t.loop.startTls(tr, tr.getProtocol(),
                        ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client())), 0.5)));
                runLong(t, srv.done);
                assertTrue(tr.isClosing(), "the cancelled upgrade closed the connection");
            }
        }
    }

    /** CPython's {@code ServerProto} of the start_tls server tests. */
    static final class ServerProto implements Protocol {
        final Future<Transport> onCon;
        final Future<Integer> onEof;
        final Future<Void> onConLost;
        /** Completed once a whole HELLO_MSG came. */
        final Future<Void> onHello;
        final java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        Transport transport;

        ServerProto(LoopUnderTest t) {
            onCon = t.loop.createFuture();
            onEof = t.loop.createFuture();
            onConLost = t.loop.createFuture();
            onHello = t.loop.createFuture();
        }

        @Override
        public void connectionMade(Transport tr) {
            transport = tr;
            onCon.setResult(tr);
        }

        @Override
        public void dataReceived(ByteBuffer bytes) {
            byte[] chunk = new byte[bytes.remaining()];
            bytes.get(chunk);
            data.writeBytes(chunk);
            if (data.size() >= HELLO_MSG.length && !onHello.done()) {
                onHello.setResult(null);
            }
        }

        @Override
        public boolean eofReceived() {
            onEof.setResult(1);
            return false;
        }

        @Override
        public void connectionLost(Throwable exc) {
            transport = null;
            if (exc == null) {
                onConLost.setResult(null);
            } else {
                onConLost.setException(exc);
            }
        }
    }

    /**
     * {@code test_start_tls_server_1}: the server starts TLS on a plain connection after writing HELLO_MSG;
     * the client sends HELLO_MSG over TLS (and, with an {@code answer}, reads the answer the server writes
     * once the whole message came) and leaves. Returns what the client read. (CPython's protocol answers from
     * {@code data_received} through the transport the test hands it after {@code start_tls}; here the test
     * answers, so no record can reach the protocol before it holds the TLS transport.)
     */
    static byte[] startTlsServer1(LoopUnderTest t, byte[] answer) {
        ServerProto proto = new ServerProto(t);
        Server server = t.run(t.loop.createServer(() -> proto, "127.0.0.1", 0));
        Future<byte[]> client = t.loop.runInExecutor(null, () -> {
            try (Socket sock = new Socket("127.0.0.1", server.port())) {
                sock.setSoTimeout(60_000);
                assertEquals(HELLO_MSG.length, recvAll(sock.getInputStream(), HELLO_MSG.length).length);
                try (SSLSocket tls = clientTls(sock, TlsContexts.client())) {
                    tls.getOutputStream().write(HELLO_MSG);
                    return answer == null ? null : recvAll(tls.getInputStream(), answer.length);
                }
            }
        });
        Transport tr = t.run(proto.onCon);
        tr.write(HELLO_MSG);
        assertEquals(0, proto.data.size());
        Transport newTr = t.run(t.loop.startTls(tr, proto, ConnectionOptions.DEFAULTS.withSsl(TlsContexts.server())
                .withSslHandshakeTimeout(TIMEOUT), true));
        proto.transport = newTr;
        if (answer == null) {
            t.run(proto.onEof);
        } else {
            t.run(proto.onHello);
            newTr.write(answer);
        }
        t.run(proto.onConLost);
        assertArrayEquals(HELLO_MSG, proto.data.toByteArray());
        newTr.close();
        byte[] read = runLong(t, client);
        t.closeAndWait(server);
        return read;
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testStartTlsServer1(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            assertNull(startTlsServer1(t, null));
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testShutdownCleanly(LoopType type) throws IOException {
        int totalCnt = 25;
        ThreadedServer.Prog server = raw -> {
            try (SSLSocket sock = serverTls(raw, TlsContexts.server())) {
                assertArrayEquals(A_DATA, recvAll(sock.getInputStream(), A_DATA.length));
                sock.getOutputStream().write(bytes("OK"));
            }
        };
        try (LoopUnderTest t = new LoopUnderTest(type); ThreadedServer srv = new ThreadedServer(t.loop, server, totalCnt, totalCnt)) {
            // the server's close_notify is the end of the stream
            assertEquals(totalCnt, clientsSendingA(t, srv.port(), totalCnt, s -> s.reader().read(-1), new byte[0]));
            runLong(t, srv.done);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testFlushBeforeShutdown(LoopType type) throws IOException {
        int chunk = 1024 * 128;
        int size = 32;
        ThreadedServer.Prog server = raw -> {
            try (SSLSocket sock = serverTls(raw, TlsContexts.server())) {
                assertArrayEquals(bytes("ping"), recvAll(sock.getInputStream(), 4));
                sock.getOutputStream().write(bytes("pong"));
                assertEquals(chunk * size, recvAll(sock.getInputStream(), chunk * size).length);
            }
        };
        try (LoopUnderTest t = new LoopUnderTest(type); ThreadedServer srv = new ThreadedServer(t.loop, server)) {
            Streams s = t.call(() -> AsyncIO.openConnection("127.0.0.1", srv.port(), client()));
            s.writer().write(bytes("ping"));
            assertArrayEquals(bytes("pong"), t.run(s.reader().readexactly(4)));
            for (int i = 0; i < size; i++) {
                s.writer().write(filled('x', chunk));
            }
            s.writer().close();
            runLong(t, waitClosed(s.writer()));
            runLong(t, srv.done);
        }
    }

    /**
     * {@code test_remote_shutdown_receives_trailing_data}, its second server ({@code eof_server}): the server
     * ends its side with a plain TCP EOF while the client's writes are held back by flow control; the client
     * reads the end of the stream and its buffered bytes still reach the server.
     */
    @ParameterizedTest
    @MethodSource("loops")
    void testRemoteShutdownReceivesTrailingData(LoopType type) throws IOException {
        int chunk = 1024 * 128;
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            java.util.concurrent.CompletableFuture<Integer> count = new java.util.concurrent.CompletableFuture<>();
            ThreadedServer.Prog eofServer = raw -> {
                // Not closed here: the thread closes the raw socket once this returns.
                SSLSocket sock = serverTls(raw, TlsContexts.server());
                assertArrayEquals(bytes("ping"), recvAll(sock.getInputStream(), 4));
                sock.getOutputStream().write(bytes("pong"));
                int n = count.get();
                // send EOF
                raw.shutdownOutput();
                assertEquals(chunk * n, recvAll(sock.getInputStream(), chunk * n).length);
            };
            try (ThreadedServer srv = new ThreadedServer(t.loop, eofServer)) {
                Streams s = t.call(() -> AsyncIO.openConnection("127.0.0.1", srv.port(), client()));
                s.writer().write(bytes("ping"));
                assertArrayEquals(bytes("pong"), t.run(s.reader().readexactly(4)));
                int n = 0;
                // Fill the buffer until the protocol is paused (its drain waits)
                while (s.writer().drain().done()) {
                    s.writer().write(filled('x', chunk));
                    n++;
                    t.spin(1);
                }
                count.complete(n);
                assertArrayEquals(new byte[0], runLong(t, s.reader().read(-1)));
                runLong(t, srv.done);
                s.writer().close();
                runLong(t, waitClosed(s.writer()));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testShutdownTimeoutHandlerNotSet(LoopType type) throws IOException {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            org.jasyncio.Event eof = new org.jasyncio.Event();
            ThreadedServer.Prog server = raw -> {
                SSLSocket sock = serverTls(raw, TlsContexts.server());
                OutputStream out = sock.getOutputStream();
                out.write(bytes("hello"));
                assertArrayEquals(bytes("world"), recvAll(sock.getInputStream(), 5));
                out.write(bytes("extra bytes"));
                // sending EOF here
                raw.shutdownOutput();
                t.loop.callSoonThreadsafe(eof::set);
                try {
                    assertEquals(-1, sock.getInputStream().read());
                } catch (IOException closedWithoutCloseNotify) {
                    // the client closed its side too
                }
                sock.close();
            };
            try (ThreadedServer srv = new ThreadedServer(t.loop, server)) {
                byte[][] extra = new byte[1][];
                Future<Void> fut = t.loop.createFuture();
                Protocol protocol = new Protocol() {
                    Transport transport;

                    @Override
                    public void connectionMade(Transport tr) {
                        transport = tr;
                    }

                    @Override
                    public void dataReceived(ByteBuffer data) {
                        byte[] bytes = new byte[data.remaining()];
                        data.get(bytes);
                        if (Arrays.equals(bytes("hello"), bytes)) {
                            transport.write(bytes("world"));
                            // pause reading would make incoming data stay in the TLS engine
                            transport.pauseReading();
                        } else {
                            extra[0] = bytes;
                        }
                    }

                    @Override
                    public void connectionLost(Throwable exc) {
                        if (exc == null) {
                            fut.setResult(null);
                        } else {
                            fut.setException(exc);
                        }
                    }
                };
                Transport tr = t.connect(protocol, srv.port(), client());
                t.run(eof.waitAsync());
                tr.resumeReading();
                t.run(fut);
                tr.close();
                assertArrayEquals(bytes("extra bytes"), extra[0]);
                runLong(t, srv.done);
            }
        }
    }
}
