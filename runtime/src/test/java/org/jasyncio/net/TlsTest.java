package org.jasyncio.net;

import static org.jasyncio.net.Payloads.bytes;
import static org.jasyncio.net.Payloads.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.jasyncio.Connection;
import org.jasyncio.ConnectionOptions;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.SelectorEventLoop;
import org.jasyncio.Server;
import org.jasyncio.ServerOptions;
import org.jasyncio.StreamReader;
import org.jasyncio.StreamWriter;
import org.jasyncio.Streams;
import org.jasyncio.Task;
import org.jasyncio.TimeoutException;
import org.jasyncio.Transport;
import org.jasyncio.internal.loop.FutureChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TLS (asyncio's {@code ssl=}) over streams and protocols, on both loop types. */
class TlsTest {

    private static final int MIB = 1024 * 1024;

    static List<LoopType> loops() {
        return LoopType.all();
    }

    private static ServerOptions tlsServer() {
        return ServerOptions.DEFAULTS.withSsl(TlsContexts.server());
    }

    private static ConnectionOptions tlsClient() {
        return ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client());
    }

    /** Reads until EOF (an empty read), returning everything read. */
    private static byte[] readToEof(LoopUnderTest t, StreamReader reader) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        while (true) {
            byte[] chunk = t.run(reader.read(64 * 1024));
            if (chunk.length == 0) {
                return all.toByteArray();
            }
            all.write(chunk, 0, chunk.length);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void streamsEchoOverTls(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                Server server = t.startServer(StreamsTest::echo, tlsServer());
                Streams s = t.openConnection(server.port(), tlsClient());
                StreamWriter writer = s.writer();
                writer.write(bytes("hello\nworld|"));
                t.run(writer.drain());
                assertArrayEquals(bytes("hello\n"), t.run(s.reader().readline()));
                assertArrayEquals(bytes("world|"), t.run(s.reader().readuntil(bytes("|"))));
                byte[] big = random(300_000, 3);
                writer.write(big);
                assertArrayEquals(big, t.run(s.reader().readexactly(big.length)), "many records, intact");

                assertFalse(writer.canWriteEof(), "TLS has no half-close");
                UnsupportedOperationException noEof = assertThrows(UnsupportedOperationException.class, writer::writeEof);
                assertTrue(noEof.getMessage().contains("not supported over TLS"), noEof.getMessage());

                writer.close();
                assertNull(t.run(writer.waitClosed()));
                assertTrue(s.reader().atEof() || t.run(s.reader().read(10)).length == 0);
                t.closeAndWait(server);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("loops")
    void tls12EchoAndCloseNotifyBothWays(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.startServer(StreamsTest::echo, tlsServer());
            Streams s = t.openConnection(server.port(), ConnectionOptions.DEFAULTS.withSsl(TlsContexts.tls12Client()));
            assertEquals("TLSv1.2", ((SSLEngine) s.writer().getExtraInfo("ssl_object")).getSession().getProtocol());
            byte[] data = random(200_000, 4);
            s.writer().write(data);
            assertArrayEquals(data, t.run(s.reader().readexactly(data.length)));
            s.writer().close();
            assertNull(t.run(s.writer().waitClosed()));
            t.closeAndWait(server);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void writesDuringARenegotiationAreHeldBackAndArriveInOrder(LoopType type) throws SSLException {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Accepting<RecordingProtocol> server = Accepting.recording(t, tlsServer());
            RecordingProtocol client = new RecordingProtocol(t.loop);
            Transport transport = t.connect(client, server.port(), ConnectionOptions.DEFAULTS.withSsl(TlsContexts.tls12Client()));
            RecordingProtocol serverSide = server.accepted();
            Transport serverTransport = t.run(serverSide.made);
            byte[] before = random(100_000, 8);
            byte[] during = random(100_000, 9);
            serverTransport.write(before);

            // TLS 1.2 renegotiation, started by the server: its writes wait until the new handshake is done.
            ((SSLEngine) serverTransport.getExtraInfo("ssl_object")).beginHandshake();
            serverTransport.write(during);
            assertTrue(serverTransport.getWriteBufferSize() >= during.length,
                    "held back while renegotiating: " + serverTransport.getWriteBufferSize());
            byte[] fromClient = random(50_000, 10);
            transport.write(fromClient);

            t.run(client.whenReceived(t.loop, before.length + during.length));
            byte[] received = client.received.toByteArray();
            assertArrayEquals(before, Arrays.copyOfRange(received, 0, before.length));
            assertArrayEquals(during, Arrays.copyOfRange(received, before.length, received.length));
            t.assertReceives(serverSide, fromClient);
            // The proactor counts a write until its completion reaches the loop, which may be after the peer read it.
            t.runUntil(() -> serverTransport.getWriteBufferSize() == 0);

            transport.close();
            assertNull(t.run(client.lost));
            assertNull(t.run(serverSide.lost));
            server.closeAndWait();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aWriteFromInsidePauseWritingWaitsForTheLargeWriteInProgress(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            byte[] big = random(2 * MIB, 4);
            Accepting<RecordingProtocol> server = Accepting.recording(t, tlsServer());
            RecordingProtocol client = new RecordingProtocol(t.loop) {
                boolean marked;

                @Override
                public void pauseWriting() {
                    super.pauseWriting();
                    // The large write below is still being wrapped when its records fill the raw buffer.
                    if (!marked) {
                        marked = true;
                        transport.write(bytes("MARK"));
                    }
                }
            };
            Transport transport = t.run(t.loop.createConnection(() -> client, "127.0.0.1", server.port(), tlsClient()))
                    .transport();
            KernelBuffers.shrink(transport, StandardSocketOptions.SO_SNDBUF);
            transport.write(big);
            assertTrue(client.events.contains("pause"), "the write filled the buffer: " + client.events);
            RecordingProtocol serverSide = server.accepted();
            t.run(serverSide.whenReceived(t.loop, big.length + 4));
            byte[] received = serverSide.received.toByteArray();
            assertArrayEquals(big, java.util.Arrays.copyOfRange(received, 0, big.length), "the large write arrived whole");
            assertArrayEquals(bytes("MARK"), java.util.Arrays.copyOfRange(received, big.length, received.length),
                    "and the write made inside pauseWriting after it");
            transport.close();
            assertNull(t.run(client.lost));
            server.closeAndWait();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void fourMebibytesEachWayWithWriteFlowControl(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                byte[] toServer = random(4 * MIB, 1);
                byte[] toClient = random(4 * MIB, 2);
                Accepting<Flood> server = Accepting.tcp(t, () -> new Flood(t, toClient) {
                    @Override
                    void whenConnected(Transport made) {
                        // A peer that does not read pushes back long before 4 MiB.
                        KernelBuffers.shrink(made, StandardSocketOptions.SO_SNDBUF);
                    }
                }, tlsServer());
                Flood client = new Flood(t, toServer) {
                    @Override
                    void whenConnected(Transport made) {
                        KernelBuffers.shrink(made, StandardSocketOptions.SO_RCVBUF);
                        made.pauseReading();
                    }
                };
                Connection<Flood> connection = t.run(t.loop.createConnection(() -> client, "127.0.0.1", server.port(), tlsClient()));
                assertSame(client, connection.protocol());
                assertFalse(connection.transport().isReading());
                Flood serverSide = server.accepted();

                long atPause = t.run(serverSide.firstPause);
                assertTrue(atPause > 64 * 1024, "paused above the high-water mark: " + atPause);
                assertTrue(serverSide.writtenAtFirstPause < toClient.length,
                        "a client that does not read pushes back: " + serverSide.writtenAtFirstPause);
                assertFalse(serverSide.allWritten.done());
                assertEquals(0, client.received.size(), "nothing is delivered while the client's reading is paused");

                connection.transport().resumeReading();
                t.run(client.whenReceived(t.loop, toClient.length));
                t.run(serverSide.whenReceived(t.loop, toServer.length));
                t.run(client.allWritten);
                assertArrayEquals(toClient, client.received.toByteArray());
                assertArrayEquals(toServer, serverSide.received.toByteArray());
                long bound = 64 * 1024 + 2 * Flood.CHUNK;
                assertTrue(serverSide.largestBuffer <= bound, "write buffer bounded: " + serverSide.largestBuffer);
                assertTrue(client.largestBuffer <= bound, "write buffer bounded: " + client.largestBuffer);
                assertTrue(serverSide.events.contains("resume"));

                connection.transport().close();
                assertNull(t.run(client.lost));
                assertNull(t.run(serverSide.lost), "close_notify is a clean close");
                assertEquals(List.of("eof", "lost"), serverSide.events.subList(serverSide.events.size() - 2, serverSide.events.size()));
                server.closeAndWait();
            }
        });
    }

    /**
     * A chat server's broadcast: the first connection's {@code dataReceived} writes to the second one (a
     * large message first, then each chunk it gets), while the second one is renegotiating and receiving
     * a stream of its own, so its writes pump its engine from inside the first one's pump. Both share the
     * loop thread's scratch buffers: neither may use a buffer the other still has.
     */
    @ParameterizedTest
    @MethodSource("loops")
    void aDataReceivedThatWritesToAnotherConnectionKeepsBothStreamsIntact(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                byte[] banner = random(MIB, 23);
                byte[] fromFirst = random(600_000, 24);
                byte[] fromSecond = random(MIB, 27);
                RecordingProtocol second = new RecordingProtocol(t.loop);
                RecordingProtocol first = new RecordingProtocol(t.loop) {
                    private boolean announced;

                    @Override
                    public void dataReceived(ByteBuffer data) {
                        ByteBuffer relayed = data.duplicate();
                        super.dataReceived(data);
                        if (!announced) {
                            announced = true;
                            try {
                                ((SSLEngine) second.transport.getExtraInfo("ssl_object")).beginHandshake();
                            } catch (SSLException e) {
                                throw new IllegalStateException(e);
                            }
                            second.transport.write(banner);
                        }
                        second.transport.write(relayed);
                    }
                };
                Iterator<RecordingProtocol> accepting = List.of(second, first).iterator();
                Server server = t.run(t.loop.createServer(accepting::next, "127.0.0.1", 0, tlsServer()));
                RecordingProtocol secondPeer = new RecordingProtocol(t.loop);
                Transport secondClient = t.connect(secondPeer, server.port(),
                        ConnectionOptions.DEFAULTS.withSsl(TlsContexts.tls12Client()));
                t.run(second.made);
                RecordingProtocol firstPeer = new RecordingProtocol(t.loop);
                Transport firstClient = t.connect(firstPeer, server.port(), tlsClient());
                secondClient.write(fromSecond);
                firstClient.write(fromFirst);

                t.assertReceives(first, fromFirst, "the first connection's own data");
                t.assertReceives(second, fromSecond, "the second connection's own data");
                byte[] expected = Arrays.copyOf(banner, banner.length + fromFirst.length);
                System.arraycopy(fromFirst, 0, expected, banner.length, fromFirst.length);
                t.assertReceives(secondPeer, expected, "what the first connection's dataReceived wrote to the second");

                firstClient.close();
                secondClient.close();
                assertNull(t.run(firstPeer.lost));
                assertNull(t.run(secondPeer.lost));
                t.closeAndWait(server);
            }
        });
    }

    /**
     * A TCP relay between the client and the server cuts every chunk it gets into three (3 bytes, then up
     * to the middle, then the rest) and sends the cuts 10 ms apart, so that the server reads most records,
     * even the 5-byte header, in three pieces.
     */
    @ParameterizedTest
    @MethodSource("loops")
    void recordsCutAcrossThreeReadsArriveIntact(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Accepting<RecordingProtocol> server = Accepting.recording(t, tlsServer());
            Server relay = t.run(t.loop.createServer(() -> new CuttingRelay(t, server.port()), "127.0.0.1", 0));
            RecordingProtocol client = new RecordingProtocol(t.loop);
            Transport transport = t.connect(client, relay.port(), tlsClient());
            RecordingProtocol serverSide = server.accepted();
            byte[] oneRecord = random(10_000, 25);
            byte[] threeRecords = random(40_000, 26);

            transport.write(oneRecord);
            t.assertReceives(serverSide, oneRecord, "one record in three reads");
            transport.write(threeRecords);
            byte[] expected = Arrays.copyOf(oneRecord, oneRecord.length + threeRecords.length);
            System.arraycopy(threeRecords, 0, expected, oneRecord.length, threeRecords.length);
            t.assertReceives(serverSide, expected, "records cut anywhere, in order");
            t.run(serverSide.made).write(bytes("ok"));
            t.assertReceives(client, bytes("ok"));

            transport.abort();
            assertNull(t.run(client.lost));
            t.run(serverSide.lost);
            t.closeAndWait(relay);
            server.closeAndWait();
        }
    }

    /** The relay of {@link #recordsCutAcrossThreeReadsArriveIntact}: the server's bytes go back as they come. */
    private static final class CuttingRelay implements Protocol {
        private final LoopUnderTest t;
        private final int serverPort;
        private final ArrayDeque<byte[]> cuts = new ArrayDeque<>();
        private Transport client;
        private Transport server;
        private boolean sending;

        CuttingRelay(LoopUnderTest t, int serverPort) {
            this.t = t;
            this.serverPort = serverPort;
        }

        @Override
        public void connectionMade(Transport transport) {
            client = transport;
            client.pauseReading();
            t.loop.createConnection(() -> new Protocol() {
                @Override
                public void connectionMade(Transport made) {
                    server = made;
                    client.resumeReading();
                }

                @Override
                public void dataReceived(ByteBuffer data) {
                    client.write(data);
                }

                @Override
                public void connectionLost(Throwable exception) {
                    client.abort();
                }
            }, "127.0.0.1", serverPort);
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            int header = Math.min(3, chunk.length);
            int middle = Math.max(header, chunk.length / 2);
            for (int[] cut : new int[][] {{0, header}, {header, middle}, {middle, chunk.length}}) {
                if (cut[1] > cut[0]) {
                    cuts.add(Arrays.copyOfRange(chunk, cut[0], cut[1]));
                }
            }
            if (!sending) {
                sendNextCut();
            }
        }

        private void sendNextCut() {
            byte[] cut = cuts.poll();
            sending = cut != null;
            if (sending && !server.isClosing()) {
                server.write(cut);
                t.loop.callLater(0.01, this::sendNextCut);
            }
        }

        @Override
        public void connectionLost(Throwable exception) {
            if (server != null) {
                server.abort();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void extraInfoShowsTheSession(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Accepting<RecordingProtocol> server = Accepting.recording(t, tlsServer());
            SSLContext context = TlsContexts.client();
            RecordingProtocol client = new RecordingProtocol(t.loop);
            Transport transport = t.connect(client, server.port(),
                    ConnectionOptions.DEFAULTS.withSsl(context).withServerHostname("localhost"));

            Certificate[] chain = (Certificate[]) transport.getExtraInfo("peercert");
            assertEquals("CN=localhost", ((X509Certificate) chain[0]).getSubjectX500Principal().getName());
            String cipher = (String) transport.getExtraInfo("cipher");
            assertTrue(cipher != null && cipher.startsWith("TLS_"), cipher);
            assertInstanceOf(SSLEngine.class, transport.getExtraInfo("ssl_object"));
            assertSame(context, transport.getExtraInfo("sslcontext"));
            assertEquals(new InetSocketAddress("127.0.0.1", server.port()), transport.getExtraInfo("peername"));
            assertInstanceOf(NetworkChannel.class, transport.getExtraInfo("socket"));
            assertNull(transport.getExtraInfo("no such thing"));
            assertNull(t.run(server.accepted().made).getExtraInfo("peercert"), "the client sent no certificate");

            transport.abort();
            assertNull(t.run(client.lost));
            server.closeAndWait();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void anUntrustedCertificateFailsTheConnectAndLeaksNothing(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                List<Map<String, Object>> reports = t.reports();
                Server server = t.startServer(StreamsTest::echo, ServerOptions.DEFAULTS.withSsl(TlsContexts.untrustedServer()));
                SSLHandshakeException failure = assertThrows(SSLHandshakeException.class,
                        () -> t.openConnection(server.port(), tlsClient()));
                assertTrue(failure.getMessage().contains("PKIX path building failed"), failure.getMessage());
                t.closeAndWait(server);
                assertTrue(reports.stream().allMatch(report -> "SSL handshake failed".equals(report.get("message"))),
                        "only the server's side of the same failure is reported: " + reports);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aWrongServerHostnameFailsHostnameVerification(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            t.reports();
            Server server = t.startServer(StreamsTest::echo, tlsServer());
            SSLHandshakeException failure = assertThrows(SSLHandshakeException.class,
                    () -> t.openConnection(server.port(), tlsClient().withServerHostname("example.com")));
            assertTrue(failure.getMessage().contains("example.com"), failure.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> t.loop.createConnection(() -> new RecordingProtocol(t.loop), "127.0.0.1", server.port(),
                            ConnectionOptions.DEFAULTS.withServerHostname("localhost")),
                    "serverHostname (server_hostname) is only meaningful with ssl");
            t.closeAndWait(server);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aServerReportsAFailedHandshakeAndServesTheNextClient(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            List<Map<String, Object>> reports = t.reports();
            Server server = t.startServer(StreamsTest::echo, tlsServer());
            RecordingProtocol portCheck = new RecordingProtocol(t.loop);
            t.connect(portCheck, server.port()).close();
            t.run(portCheck.lost);

            RecordingProtocol plain = new RecordingProtocol(t.loop);
            t.connect(plain, server.port()).write(bytes("GET / HTTP/1.0\r\n\r\n"));
            t.run(plain.lost);
            assertEquals(1, reports.size(), "a client that leaves before the handshake is no error, garbage is: " + reports);
            assertEquals("SSL handshake failed", reports.get(0).get("message"));
            assertInstanceOf(SSLException.class, reports.get(0).get("exception"));

            Streams s = t.openConnection(server.port(), tlsClient());
            s.writer().write(bytes("still serving\n"));
            assertArrayEquals(bytes("still serving\n"), t.run(s.reader().readline()));
            s.writer().close();
            t.run(s.writer().waitClosed());
            t.closeAndWait(server);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aClientThatNeverHandshakesIsDroppedAfterTheHandshakeTimeout(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                List<Map<String, Object>> reports = t.reports();
                Server server = t.startServer(StreamsTest::echo, tlsServer().withSslHandshakeTimeout(0.2));
                RecordingProtocol silent = new RecordingProtocol(t.loop);
                t.connect(silent, server.port());
                t.run(silent.lost);
                assertEquals("made", silent.events.get(0));
                assertEquals("lost", silent.events.get(silent.events.size() - 1), "the server dropped the connection");
                assertEquals(1, reports.size(), reports.toString());
                assertEquals("SSL handshake failed", reports.get(0).get("message"));
                TimeoutException timeout = assertInstanceOf(TimeoutException.class, reports.get(0).get("exception"));
                assertEquals("SSL handshake is taking longer than 0.2 seconds: aborting the connection", timeout.getMessage());
                t.closeAndWait(server);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aServerThatNeverHandshakesFailsTheConnectWithTimeout(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                Accepting<RecordingProtocol> server = Accepting.recording(t, ServerOptions.DEFAULTS);
                TimeoutException timeout = assertThrows(TimeoutException.class,
                        () -> t.openConnection(server.port(), tlsClient().withSslHandshakeTimeout(0.2)));
                assertTrue(timeout.getMessage().startsWith("SSL handshake is taking longer than 0.2 seconds"), timeout.getMessage());
                t.run(server.accepted().lost);
                server.closeAndWait();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("loops")
    void cancellingTheConnectDuringTheHandshakeClosesTheSocket(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                Accepting<RecordingProtocol> server = Accepting.recording(t, ServerOptions.DEFAULTS);
                Future<Connection<RecordingProtocol>> connecting = t.loop.createConnection(
                        () -> new RecordingProtocol(t.loop), "127.0.0.1", server.port(), tlsClient());
                RecordingProtocol serverSide = server.accepted();
                t.run(serverSide.whenReceived(t.loop, 1));
                assertFalse(connecting.done(), "waiting for the server's handshake answer");
                connecting.cancel();
                t.run(serverSide.lost);
                assertTrue(connecting.cancelled());
                server.closeAndWait();
            }
        });
    }

    @Test
    void aUnixServerServesTlsToo(@TempDir Path directory) {
        try (LoopUnderTest t = new LoopUnderTest(LoopType.all().get(0))) {
            assertInstanceOf(SelectorEventLoop.class, t.loop, "Unix sockets need a selector loop");
            List<Map<String, Object>> reports = t.reports();
            String path = directory.resolve("tls.sock").toString();
            Server server = t.run(t.loop.createUnixServer(() -> new RecordingProtocol(t.loop), path, tlsServer()));
            RecordingProtocol plain = new RecordingProtocol(t.loop);
            t.run(t.loop.createUnixConnection(() -> plain, path)).transport().write(bytes("not a ClientHello"));
            t.run(plain.lost);
            assertEquals(1, reports.size(), reports.toString());
            assertEquals("SSL handshake failed", reports.get(0).get("message"));
            t.closeAndWait(server);
        }
    }

    /** Writes {@code data}, then closes at once: the data must still all arrive, before close_notify. */
    private static Task<Void> sendAndClose(byte[] data, StreamWriter writer, Future<Void> closed) {
        writer.write(data);
        writer.close();
        writer.waitClosed().addDoneCallback(done -> FutureChain.copy(done, closed));
        return Task.completed();
    }

    @ParameterizedTest
    @MethodSource("loops")
    void closeDeliversAllDataThenCloseNotify(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                byte[] data = random(2 * MIB, 7);
                Future<Void> serverClosed = t.loop.createFuture();
                Server server = t.startServer((reader, writer) -> sendAndClose(data, writer, serverClosed), tlsServer());
                Streams s = t.openConnection(server.port(), tlsClient());
                assertArrayEquals(data, readToEof(t, s.reader()), "all data, then EOF (close_notify)");
                assertTrue(s.reader().atEof());
                assertNull(t.run(serverClosed), "the server's close completed cleanly");
                assertNull(t.run(s.writer().waitClosed()), "the client answered close_notify and closed");
                t.closeAndWait(server);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aPeerThatNeverAnswersCloseNotifyIsAbortedAfterTheShutdownTimeout(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                Accepting<RecordingProtocol> server = Accepting.recording(t, tlsServer());
                RecordingProtocol client = new RecordingProtocol(t.loop);
                Transport transport = t.connect(client, server.port(), tlsClient().withSslShutdownTimeout(0.2));
                RecordingProtocol serverSide = server.accepted();
                // A server that does not read never sees the close_notify, so it never answers.
                t.run(serverSide.made).pauseReading();
                transport.close();
                assertTrue(transport.isClosing());
                TimeoutException timeout = assertInstanceOf(TimeoutException.class, t.run(client.lost));
                assertEquals("SSL shutdown timed out", timeout.getMessage());
                t.run(serverSide.made).abort();
                t.run(serverSide.lost);
                server.closeAndWait();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aPeerClosingTcpWithoutCloseNotifyIsACleanEof(LoopType type) throws IOException {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Accepting<RecordingProtocol> server = Accepting.recording(t, tlsServer());
            RecordingProtocol client = new RecordingProtocol(t.loop);
            Transport transport = t.connect(client, server.port(), tlsClient());
            transport.write(bytes("last words"));
            RecordingProtocol serverSide = server.accepted();
            t.run(serverSide.whenReceived(t.loop, 10));
            // A FIN without close_notify: the TCP connection ends under TLS's feet.
            Object socket = transport.getExtraInfo("socket");
            if (socket instanceof SocketChannel) {
                ((SocketChannel) socket).shutdownOutput();
            } else {
                ((AsynchronousSocketChannel) socket).shutdownOutput();
            }
            assertNull(t.run(serverSide.lost), "asyncio takes it as a clean EOF");
            assertEquals(List.of("made", "eof", "lost"), serverSide.events);
            assertArrayEquals(bytes("last words"), serverSide.received.toByteArray());
            t.run(client.lost);
            server.closeAndWait();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aCorruptRecordEndsTheConnectionWithSslException(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                Accepting<RecordingProtocol> server = Accepting.recording(t, tlsServer());
                // A blocking JDK client that completes the handshake, then writes an application-data record
                // header and bytes no key encrypted straight on the TCP socket, under TLS's feet.
                Future<Void> forged = t.blockingClient(server.port(), tcp -> {
                    try (SSLSocket tls = TlsContexts.clientOver(tcp, "127.0.0.1")) {
                        tls.startHandshake();
                        byte[] record = new byte[5 + 40];
                        record[0] = 23;
                        record[1] = 3;
                        record[2] = 3;
                        record[4] = 40;
                        tcp.getOutputStream().write(record);
                        tcp.getOutputStream().flush();
                        try {
                            while (tls.getInputStream().read() >= 0) {
                                // the server sends nothing but its alert
                            }
                        } catch (IOException expected) {
                            // the server's alert
                        }
                    } catch (IOException closingAfterTheAlert) {
                        // closing the TLS socket after the alert may fail: the connection is gone
                    }
                    return null;
                });
                RecordingProtocol serverSide = server.accepted();
                SSLException broken = assertInstanceOf(SSLException.class, t.run(serverSide.lost));
                assertTrue(broken.getMessage() != null && !broken.getMessage().isEmpty());
                assertEquals(List.of("made", "lost"), serverSide.events);
                t.run(forged);
                server.closeAndWait();
            }
        });
    }

    @Test
    void optionsCheckTheirTimeouts() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ConnectionOptions.DEFAULTS.withSslHandshakeTimeout(0));
        assertEquals("sslHandshakeTimeout should be a positive number, got 0.0", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.DEFAULTS.withSslShutdownTimeout(-1));
        assertEquals(1.5, ServerOptions.DEFAULTS.withSslShutdownTimeout(java.time.Duration.ofMillis(1500)).sslShutdownTimeout());
        assertEquals(60.0, ConnectionOptions.DEFAULTS.sslHandshakeTimeout());
        assertEquals(30.0, ServerOptions.DEFAULTS.sslShutdownTimeout());
        assertNull(ServerOptions.DEFAULTS.ssl());
    }
}
