package org.jasyncio.net;

import static org.jasyncio.net.Payloads.bytes;
import static org.jasyncio.net.Payloads.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.jasyncio.ConnectionOptions;
import org.jasyncio.ConnectionResetException;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.SelectorEventLoop;
import org.jasyncio.Server;
import org.jasyncio.ServerOptions;
import org.jasyncio.StreamReader;
import org.jasyncio.StreamWriter;
import org.jasyncio.Streams;
import org.jasyncio.Task;
import org.jasyncio.Transport;
import org.jasyncio.internal.loop.FutureChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * asyncio's {@code start_tls}: a plain connection upgraded to TLS in place, STARTTLS style ("STARTTLS\n",
 * "GO\n", then both sides start TLS), over streams ({@link StreamWriter#startTls}) and protocols
 * ({@link EventLoop#startTls}), on both loop types.
 */
class StartTlsTest {

    private static final ConnectionOptions SERVER = ConnectionOptions.DEFAULTS.withSsl(TlsContexts.server());
    private static final ConnectionOptions CLIENT = ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client());

    static List<LoopType> loops() {
        return LoopType.all();
    }

    /**
     * The server's side over streams: answers "STARTTLS\n" with "GO\n", starts TLS at once with
     * {@code options}, then says "READY\n" and echoes. {@code upgraded} gets how its startTls ended (with
     * the writer's ssl_object).
     */
    private static Task<Void> starttlsHandler(StreamReader reader, StreamWriter writer, ConnectionOptions options,
            Future<Object> upgraded) {
        return starttlsHandler(reader, writer, options, upgraded, () -> {
            writer.write(bytes("READY\n"));
            StreamsTest.echo(reader, writer);
        });
    }

    /** {@link #starttlsHandler(StreamReader, StreamWriter, ConnectionOptions, Future)} doing {@code overTls} once upgraded. */
    private static Task<Void> starttlsHandler(StreamReader reader, StreamWriter writer, ConnectionOptions options,
            Future<Object> upgraded, Runnable overTls) {
        reader.readline().addDoneCallback(line -> {
            if (line.exception() != null || !Arrays.equals(bytes("STARTTLS\n"), line.result())) {
                writer.close();
                return;
            }
            writer.write(bytes("GO\n"));
            writer.startTls(options).addDoneCallback(done -> {
                if (done.exception() != null) {
                    upgraded.setException(done.exception());
                    return;
                }
                upgraded.setResult(writer.getExtraInfo("ssl_object"));
                overTls.run();
            });
        });
        return Task.completed();
    }

    /** A streams server whose connections are {@link #starttlsHandler(StreamReader, StreamWriter, ConnectionOptions, Future)}s. */
    private static Server starttlsServer(LoopUnderTest t, ConnectionOptions options, Future<Object> upgraded) {
        return t.startServer((reader, writer) -> starttlsHandler(reader, writer, options, upgraded), ServerOptions.DEFAULTS);
    }

    /** A client's plain half of the exchange over streams: "STARTTLS\n" out, "GO\n" back. */
    private static Streams askForTls(LoopUnderTest t, int port) {
        Streams s = t.openConnection(port, ConnectionOptions.DEFAULTS);
        s.writer().write(bytes("STARTTLS\n"));
        assertArrayEquals(bytes("GO\n"), t.run(s.reader().readline()));
        return s;
    }

    /**
     * A client's plain half of the exchange over a protocol: "STARTTLS\n" out, "GO\n" back; {@code client}
     * then holds no bytes, ready to record what comes over TLS.
     */
    private static void askForTls(LoopUnderTest t, Transport raw, RecordingProtocol client) {
        raw.write(bytes("STARTTLS\n"));
        t.assertReceives(client, bytes("GO\n"));
        client.received.reset();
    }

    @ParameterizedTest
    @MethodSource("loops")
    void streamsUpgradeInPlaceAndCarryLinesOverTls(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                List<Map<String, Object>> reports = t.reports();
                Future<Object> serverUpgraded = t.loop.createFuture();
                Server server = starttlsServer(t, SERVER, serverUpgraded);
                Streams s = askForTls(t, server.port());
                StreamReader reader = s.reader();
                StreamWriter writer = s.writer();
                Transport plain = writer.transport();
                assertNull(writer.getExtraInfo("ssl_object"));
                assertTrue(writer.canWriteEof());

                assertNull(t.run(writer.startTls(TlsContexts.client())));
                assertNotSame(plain, writer.transport(), "the writer writes through the TLS transport now");
                SSLEngine engine = assertInstanceOf(SSLEngine.class, writer.getExtraInfo("ssl_object"));
                assertTrue(engine.getUseClientMode());
                assertTrue(engine.getSession().getProtocol().startsWith("TLSv"), engine.getSession().getProtocol());
                assertEquals(plain.getExtraInfo("peername"), writer.getExtraInfo("peername"));
                assertFalse(writer.canWriteEof(), "TLS has no half-close");
                SSLEngine serverEngine = assertInstanceOf(SSLEngine.class, t.run(serverUpgraded));
                assertFalse(serverEngine.getUseClientMode(), "the server's writer is the TLS server");

                assertArrayEquals(bytes("READY\n"), t.run(reader.readline()), "written the moment the server's TLS was up");
                writer.write(bytes("hello over tls\n"));
                assertArrayEquals(bytes("hello over tls\n"), t.run(reader.readline()));
                byte[] big = random(300_000, 1);
                writer.write(big);
                t.run(writer.drain());
                assertArrayEquals(big, t.run(reader.readexactly(big.length)), "many records, intact");

                writer.close();
                assertNull(t.run(writer.waitClosed()));
                assertTrue(plain.isClosing());
                t.closeAndWait(server);
                assertEquals(List.of(), reports);
            }
        });
    }

    /** A client's second STARTTLS, over the TLS of the first: "STARTTLS\n" out, "GO\n" back, TLS inside TLS. */
    private static void startTlsInsideTls(LoopUnderTest t, Streams s, ConnectionOptions options) {
        s.writer().write(bytes("STARTTLS\n"));
        assertArrayEquals(bytes("GO\n"), t.run(s.reader().readline()), "the second STARTTLS goes over the first TLS");
        t.run(s.writer().startTls(options));
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aReaderThatStoppedReadingStillClosesCleanly(LoopType type) {
        readerThatStoppedReadingClosesCleanly(type, false);
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aReaderThatStoppedReadingStillClosesCleanlyInsideTls(LoopType type) {
        readerThatStoppedReadingClosesCleanly(type, true);
    }

    /**
     * The server floods a client that stops reading once its reader holds twice its limit (the reader
     * pauses the plain transport at the bottom); the client's close still reads the server's close_notify,
     * with one TLS layer, or two ({@code inside}: each layer's shutdown gets reading going).
     */
    private static void readerThatStoppedReadingClosesCleanly(LoopType type, boolean inside) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                byte[] flood = random(4 * 1024 * 1024, 5);
                Future<Void> serverClosed = t.loop.createFuture();
                Server server = t.startServer((reader, writer) -> {
                    Runnable flooding = () -> {
                        writer.write(flood);
                        writer.waitClosed().addDoneCallback(done -> FutureChain.copy(done, serverClosed));
                    };
                    return starttlsHandler(reader, writer, SERVER, t.loop.createFuture(), !inside ? flooding
                            : () -> starttlsHandler(reader, writer, SERVER, t.loop.createFuture(), flooding));
                }, ServerOptions.DEFAULTS);
                Streams s = askForTls(t, server.port());
                Transport plain = s.writer().transport();
                t.run(s.writer().startTls(CLIENT.withSslShutdownTimeout(10)));
                if (inside) {
                    startTlsInsideTls(t, s, CLIENT.withSslShutdownTimeout(10));
                }
                // The reader holds twice its limit, then pauses reading; nobody reads any more.
                t.runUntil(() -> !plain.isReading());
                s.writer().close();
                assertNull(t.run(s.writer().waitClosed()), "the server's close_notify was read: no shutdown timeout");
                assertNull(t.run(serverClosed));
                t.closeAndWait(server);
            }
        });
    }

    /**
     * The server's side over protocols: answers "STARTTLS\n" with "GO\n" and starts TLS in the same
     * {@code dataReceived}; then records what arrives over TLS and echoes it.
     */
    static final class StarttlsServerProtocol extends RecordingProtocol {
        private final EventLoop loop;
        private final ConnectionOptions options;
        final Future<Future<Transport>> upgrading;

        StarttlsServerProtocol(EventLoop loop, ConnectionOptions options) {
            super(loop);
            this.loop = loop;
            this.options = options;
            upgrading = loop.createFuture();
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            if (!upgrading.done()) {
                byte[] line = new byte[data.remaining()];
                data.get(line);
                assertArrayEquals(bytes("STARTTLS\n"), line);
                transport.write(bytes("GO\n"));
                upgrading.setResult(loop.startTls(transport, this, options, true));
                return;
            }
            // Bytes right behind the handshake may come before the future's callbacks ran: it is done, though.
            Transport tls = upgrading.result().result();
            ByteBuffer echo = data.duplicate();
            super.dataReceived(data);
            tls.write(echo);
        }
    }

    /** A TCP server whose connections are {@link StarttlsServerProtocol}s upgrading with {@link #SERVER}. */
    private static Accepting<StarttlsServerProtocol> starttlsServer(LoopUnderTest t) {
        return Accepting.tcp(t, () -> new StarttlsServerProtocol(t.loop, SERVER), ServerOptions.DEFAULTS);
    }

    @ParameterizedTest
    @MethodSource("loops")
    void protocolsUpgradeThroughTheLoop(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                Accepting<StarttlsServerProtocol> server = starttlsServer(t);
                RecordingProtocol client = new RecordingProtocol(t.loop);
                Transport raw = t.connect(client, server.port());
                askForTls(t, raw, client);

                Future<Transport> upgrading = t.loop.startTls(raw, client, CLIENT.withServerHostname("localhost"));
                IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                        () -> t.loop.startTls(raw, client, CLIENT), "twice, while the first handshake is under way");
                assertTrue(again.getMessage().contains("is not supported by startTls() (start_tls): it carries TLS already"),
                        again.getMessage());
                Transport tls = t.run(upgrading);
                assertSame(client, tls.getProtocol());
                assertNotSame(client, raw.getProtocol(), "the raw transport feeds TLS now");
                assertEquals("localhost", ((SSLEngine) tls.getExtraInfo("ssl_object")).getPeerHost());
                assertEquals(List.of("made"), client.events, "connectionMade is not called again");
                StarttlsServerProtocol serverSide = server.accepted();
                Transport serverTls = t.run(t.run(serverSide.upgrading));
                assertSame(serverSide, serverTls.getProtocol());

                byte[] data = random(200_000, 2);
                tls.write(data);
                t.assertReceives(client, data, "echoed over TLS");
                assertArrayEquals(data, serverSide.received.toByteArray());

                // The TLS transport's setProtocol: the plain bytes go to the new protocol from now on.
                RecordingProtocol next = new RecordingProtocol(t.loop);
                tls.setProtocol(next);
                assertSame(next, tls.getProtocol());
                tls.write(bytes("to the next one"));
                t.assertReceives(next, bytes("to the next one"));
                assertEquals(data.length, client.received.size(), "the first protocol hears nothing more");

                tls.close();
                assertNull(t.run(next.lost));
                assertNull(t.run(serverSide.lost), "close_notify, answered: a clean close");
                assertFalse(client.lost.done());
                server.closeAndWait();
            }
        });
    }

    @Test
    void aUnixConnectionUpgradesWithAServerHostname(@TempDir Path directory) {
        try (LoopUnderTest t = new LoopUnderTest(LoopType.all().get(0))) {
            assertInstanceOf(SelectorEventLoop.class, t.loop, "Unix sockets need a selector loop");
            String path = directory.resolve("starttls.sock").toString();
            Accepting<StarttlsServerProtocol> server = Accepting.unix(t, () -> new StarttlsServerProtocol(t.loop, SERVER), path);
            RecordingProtocol client = new RecordingProtocol(t.loop);
            Transport raw = t.run(t.loop.createUnixConnection(() -> client, path)).transport();
            askForTls(t, raw, client);
            IllegalArgumentException noName = assertThrows(IllegalArgumentException.class,
                    () -> t.loop.startTls(raw, client, CLIENT));
            assertTrue(noName.getMessage().startsWith("startTls() needs a serverHostname: the peer "), noName.getMessage());
            Transport tls = t.run(t.loop.startTls(raw, client, CLIENT.withServerHostname("localhost")));
            tls.write(bytes("over a unix socket"));
            t.assertReceives(client, bytes("over a unix socket"));
            tls.close();
            assertNull(t.run(client.lost));
            assertNull(t.run(server.accepted().lost));
            server.closeAndWait();
        }
    }

    /**
     * A server that starts TLS as soon as it reads "STARTTLS\n", without a reply (so a client may send
     * its handshake right behind the command), then says "READY\n" and echoes; {@code upgraded} gets
     * how its startTls ended.
     */
    private static Server impatientServer(LoopUnderTest t, Future<Object> upgraded) {
        return t.startServer((reader, writer) -> {
            reader.readline().addDoneCallback(line -> writer.startTls(SERVER).addDoneCallback(done -> {
                if (done.exception() != null) {
                    upgraded.setException(done.exception());
                    return;
                }
                upgraded.setResult(null);
                writer.write(bytes("READY\n"));
                StreamsTest.echo(reader, writer);
            }));
            return Task.completed();
        }, ServerOptions.DEFAULTS);
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aHandshakeSentRightBehindTheCommandReachesTlsFromTheReadersBuffer(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                Future<Object> upgraded = t.loop.createFuture();
                Server server = impatientServer(t, upgraded);
                RecordingProtocol client = new RecordingProtocol(t.loop);
                Transport raw = t.connect(client, server.port());
                // The ClientHello follows one iteration later, so it lands in the server's reader before
                // the server's startTls runs: it must go to TLS, not stay behind as plain bytes.
                raw.write(bytes("STARTTLS\n"));
                Transport tls = t.run(t.loop.startTls(raw, client, CLIENT));
                assertNull(t.run(upgraded));
                t.assertReceives(client, bytes("READY\n"));
                tls.close();
                assertNull(t.run(client.lost));
                t.closeAndWait(server);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("loops")
    void plaintextInjectedBehindTheCommandFailsTheHandshakeInsteadOfPassingForEncrypted(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                t.reports();
                Future<Object> upgraded = t.loop.createFuture();
                Server server = impatientServer(t, upgraded);
                RecordingProtocol client = new RecordingProtocol(t.loop);
                Transport raw = t.connect(client, server.port());
                // CVE-2011-0411's pattern: a command smuggled into the same packet as STARTTLS.
                raw.write(bytes("STARTTLS\nINJECTED\n"));
                assertThrows(SSLException.class, () -> t.run(t.loop.startTls(raw, client, CLIENT)));
                assertThrows(SSLException.class, () -> t.run(upgraded));
                assertFalse(new String(client.received.toByteArray(), StandardCharsets.UTF_8).contains("INJECTED"));
                t.closeAndWait(server);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("loops")
    void bytesThePeerSendsRightAfterItsHandshakeAreNotLost(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Accepting<StarttlsServerProtocol> server = starttlsServer(t);
            // A blocking JDK client: its first bytes leave right behind its Finished message (TLS 1.3: in the
            // same flight), so they reach the server with, or right after, the end of the handshake.
            Future<String> answer = t.blockingClient(server.port(), tcp -> {
                tcp.getOutputStream().write(bytes("STARTTLS\n"));
                BufferedReader plain = new BufferedReader(new InputStreamReader(tcp.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("GO", plain.readLine());
                try (SSLSocket tls = TlsContexts.clientOver(tcp, "localhost")) {
                    tls.startHandshake();
                    OutputStream out = tls.getOutputStream();
                    out.write(bytes("first words\n"));
                    out.flush();
                    return new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.UTF_8)).readLine();
                }
            });
            StarttlsServerProtocol serverSide = server.accepted();
            t.assertReceives(serverSide, bytes("first words\n"));
            assertEquals("first words", t.run(answer), "and the echo went back over TLS");
            assertNull(t.run(serverSide.lost));
            server.closeAndWait();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aClientHelloThatArrivedWhileReadingWasPausedGoesToTls(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Future<Transport> paused = t.loop.createFuture();
            Server server = t.run(t.loop.createServer(() -> new RecordingProtocol(t.loop) {
                @Override
                public void dataReceived(ByteBuffer data) {
                    if (paused.done()) {
                        super.dataReceived(data);
                        return;
                    }
                    data.position(data.limit());
                    // Not upgraded yet: whatever comes next waits (in the kernel, or in the proactor's held read).
                    transport.pauseReading();
                    transport.write(bytes("GO\n"));
                    paused.setResult(transport);
                }
            }, "127.0.0.1", 0));
            RecordingProtocol client = new RecordingProtocol(t.loop);
            Transport raw = t.connect(client, server.port());
            askForTls(t, raw, client);
            Transport serverRaw = t.run(paused);
            Future<Transport> clientTls = t.loop.startTls(raw, client, CLIENT);
            // Time for the ClientHello to reach the paused server (the test holds either way).
            t.runFor(0.1);
            assertFalse(clientTls.done());
            Transport serverTls = t.run(t.loop.startTls(serverRaw, serverRaw.getProtocol(), SERVER, true));
            Transport tls = t.run(clientTls);
            tls.write(bytes("hello"));
            RecordingProtocol serverSide = (RecordingProtocol) serverTls.getProtocol();
            t.assertReceives(serverSide, bytes("hello"));
            tls.close();
            assertNull(t.run(client.lost));
            t.closeAndWait(server);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void setProtocolHandsAPlainConnectionToAnotherProtocol(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Accepting<RecordingProtocol> server = Accepting.recording(t, ServerOptions.DEFAULTS);
            RecordingProtocol first = new RecordingProtocol(t.loop);
            Transport raw = t.connect(first, server.port());
            RecordingProtocol serverSide = server.accepted();
            Transport serverRaw = t.run(serverSide.made);
            raw.setWriteBufferLimits(1000, 0);

            RecordingProtocol second = new RecordingProtocol(t.loop);
            raw.setProtocol(second);
            assertSame(second, raw.getProtocol());
            serverRaw.write(bytes("for the second"));
            t.assertReceives(second, bytes("for the second"));

            // The same water marks, for the new protocol: 4 MiB into a small kernel buffer pause it.
            KernelBuffers.shrink(raw, StandardSocketOptions.SO_SNDBUF);
            byte[] data = random(4 * 1024 * 1024, 4);
            raw.write(data);
            assertTrue(second.events.contains("pause"), second.events.toString());
            t.assertReceives(serverSide, data);

            serverRaw.close();
            assertNull(t.run(second.lost));
            assertEquals(List.of("made"), first.events, "the first protocol hears nothing more");
            assertEquals(0, first.received.size());
            assertTrue(second.events.containsAll(List.of("pause", "resume", "eof", "lost")), second.events.toString());
            server.closeAndWait();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aReplyStillInTheWriteBufferGoesOutBeforeTheHandshake(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            byte[] reply = random(4 * 1024 * 1024, 3);
            reply[reply.length - 1] = '\n';
            Future<Long> bufferedAtStartTls = t.loop.createFuture();
            Accepting<RecordingProtocol> server = Accepting.tcp(t, () -> new RecordingProtocol(t.loop) {
                @Override
                public void connectionMade(Transport made) {
                    super.connectionMade(made);
                    // Most of the reply waits in the transport's write buffer.
                    KernelBuffers.shrink(made, StandardSocketOptions.SO_SNDBUF);
                }

                @Override
                public void dataReceived(ByteBuffer data) {
                    if (bufferedAtStartTls.done()) {
                        super.dataReceived(data);
                        return;
                    }
                    data.position(data.limit());
                    transport.write(reply);
                    bufferedAtStartTls.setResult(transport.getWriteBufferSize());
                    t.loop.startTls(transport, this, SERVER, true).addDoneCallback(done -> {
                        if (done.exception() == null) {
                            done.result().write(bytes("over tls\n"));
                        }
                    });
                }
            }, ServerOptions.DEFAULTS);
            RecordingProtocol client = new RecordingProtocol(t.loop);
            Transport raw = t.connect(client, server.port());
            raw.write(bytes("STARTTLS\n"));
            assertTrue(t.run(bufferedAtStartTls) > 0, "the reply was still buffered when TLS started");
            t.assertReceives(client, reply, "the whole plain reply, before any record");
            client.received.reset();
            Transport tls = t.run(t.loop.startTls(raw, client, CLIENT));
            t.assertReceives(client, bytes("over tls\n"));
            assertEquals(List.of("made", "pause", "resume"), server.accepted().events,
                    "paused by the plain reply, resumed once it drained under TLS");
            tls.close();
            assertNull(t.run(client.lost));
            server.closeAndWait();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void anUntrustedCertificateFailsTheUpgradeAndLeaksNothing(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                List<Map<String, Object>> reports = t.reports();
                Future<Object> serverUpgraded = t.loop.createFuture();
                ConnectionOptions untrusted = ConnectionOptions.DEFAULTS.withSsl(TlsContexts.untrustedServer());
                Server server = starttlsServer(t, untrusted, serverUpgraded);
                Streams s = askForTls(t, server.port());

                SSLHandshakeException failure = assertThrows(SSLHandshakeException.class,
                        () -> t.run(s.writer().startTls(TlsContexts.client())));
                assertTrue(failure.getMessage().contains("PKIX path building failed"), failure.getMessage());
                assertSame(failure, assertThrows(SSLHandshakeException.class, () -> t.run(s.writer().waitClosed())),
                        "the connection is closed with the handshake's exception");
                assertSame(failure, assertThrows(SSLHandshakeException.class, () -> t.run(s.reader().read(10))));
                assertTrue(s.writer().isClosing());
                Exception serverFailure = assertThrows(Exception.class, () -> t.run(serverUpgraded));
                assertTrue(serverFailure instanceof SSLException || serverFailure instanceof ConnectionResetException,
                        "the server's startTls fails too (the client's alert, or its reset): " + serverFailure);
                t.closeAndWait(server);
                assertEquals(List.of(), reports, "a failed startTls is its future's failure, not a report");
            }
        });
    }

    /**
     * startTls on a TLS connection runs a second TLS inside the first, on both sides (the server's handler
     * upgrades twice over streams); the transport under the TLS one refuses, naming why.
     */
    @ParameterizedTest
    @MethodSource("loops")
    void startTlsOverTlsRunsTlsInsideTls(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Future<Object> serverOuter = t.loop.createFuture();
            Future<Object> serverInner = t.loop.createFuture();
            Server server = t.startServer((reader, writer) -> starttlsHandler(reader, writer, SERVER, serverOuter,
                    () -> starttlsHandler(reader, writer, SERVER, serverInner)), ServerOptions.DEFAULTS);
            Streams s = askForTls(t, server.port());
            StreamWriter writer = s.writer();
            Transport plain = writer.transport();
            t.run(writer.startTls(TlsContexts.client()));
            Transport outer = writer.transport();

            IllegalArgumentException under = assertThrows(IllegalArgumentException.class,
                    () -> t.loop.startTls(plain, plain.getProtocol(), CLIENT));
            assertEquals("transport " + plain + " is not supported by startTls() (start_tls): it carries TLS already"
                    + " (to put TLS inside TLS, pass the TLS transport)", under.getMessage());

            startTlsInsideTls(t, s, CLIENT);
            Transport inner = writer.transport();
            assertNotSame(outer, inner);
            assertNotSame(outer.getExtraInfo("ssl_object"), inner.getExtraInfo("ssl_object"), "an engine per layer");
            assertNotSame(t.run(serverOuter), t.run(serverInner), "on the server too");
            assertNotSame(inner.getProtocol(), outer.getProtocol(), "the outer layer's plain bytes feed the inner TLS");

            assertArrayEquals(bytes("READY\n"), t.run(s.reader().readline()));
            byte[] data = random(200_000, 7);
            writer.write(data);
            assertArrayEquals(data, t.run(s.reader().readexactly(data.length)), "echoed through both layers");
            writer.close();
            assertNull(t.run(writer.waitClosed()));
            t.closeAndWait(server);
        }
    }

    /**
     * The server side of test_create_server_ssl_over_ssl over protocols: on a TLS server, the protocol's
     * {@code connectionMade} pauses reading and starts a second TLS on the TLS transport it was given.
     */
    static final class InnerTlsServerProtocol extends RecordingProtocol {
        private final EventLoop loop;
        final Future<Future<Transport>> upgrading;

        InnerTlsServerProtocol(EventLoop loop) {
            super(loop);
            this.loop = loop;
            upgrading = loop.createFuture();
        }

        @Override
        public void connectionMade(Transport tls) {
            super.connectionMade(tls);
            tls.pauseReading();
            upgrading.setResult(loop.startTls(tls, this, SERVER, true));
        }
    }

    private static List<String> withoutFlowControl(List<String> events) {
        return events.stream().filter(event -> !event.equals("pause") && !event.equals("resume")).toList();
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aProtocolStartsTlsInsideTlsFromConnectionMade(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Accepting<InnerTlsServerProtocol> server = Accepting.tcp(t, () -> new InnerTlsServerProtocol(t.loop),
                    ServerOptions.DEFAULTS.withSsl(TlsContexts.server()));
            RecordingProtocol client = new RecordingProtocol(t.loop);
            Transport outer = t.connect(client, server.port(), CLIENT.withServerHostname("localhost"));
            Transport inner = t.run(t.loop.startTls(outer, client, CLIENT.withServerHostname("localhost")));
            InnerTlsServerProtocol serverSide = server.accepted();
            Transport serverInner = t.run(t.run(serverSide.upgrading));

            byte[] up = random(300_000, 3);
            inner.write(up);
            t.assertReceives(serverSide, up, "the client's bytes, through both layers");
            byte[] down = random(300_000, 4);
            serverInner.write(down);
            t.assertReceives(client, down, "the server's bytes, through both layers");
            inner.close();
            assertNull(t.run(client.lost), "a clean close: close_notify inside, then outside");
            assertNull(t.run(serverSide.lost));
            // writing may have paused and resumed meanwhile (flow control goes through both layers)
            assertEquals(List.of("made", "lost"), withoutFlowControl(client.events), "connectionMade once");
            assertEquals(List.of("made", "eof", "lost"), withoutFlowControl(serverSide.events), "the client's close_notify, then lost");
            t.closeAndWait(server.server);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void startTlsOnAClosingTransportOrWithoutAContextFailsClearly(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Accepting<RecordingProtocol> server = Accepting.recording(t, ServerOptions.DEFAULTS);
            RecordingProtocol client = new RecordingProtocol(t.loop);
            Transport raw = t.connect(client, server.port());

            IllegalArgumentException noContext = assertThrows(IllegalArgumentException.class,
                    () -> t.loop.startTls(raw, client, ConnectionOptions.DEFAULTS));
            assertEquals("startTls() needs an SSLContext: options.ssl() is null", noContext.getMessage());
            IllegalArgumentException hostnameOnAServer = assertThrows(IllegalArgumentException.class,
                    () -> t.loop.startTls(raw, client, SERVER.withServerHostname("localhost"), true));
            assertTrue(hostnameOnAServer.getMessage().startsWith("serverHostname (server_hostname) is only meaningful for a client"),
                    hostnameOnAServer.getMessage());
            assertSame(client, raw.getProtocol(), "a refused startTls changes nothing");
            assertTrue(raw.isReading());

            raw.close();
            IllegalStateException closing = assertThrows(IllegalStateException.class,
                    () -> t.loop.startTls(raw, client, CLIENT));
            assertEquals("startTls(): transport " + raw + " is closing", closing.getMessage());
            assertNull(t.run(client.lost));
            server.closeAndWait();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void cancellingTheUpgradeAbortsTheConnection(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                Accepting<RecordingProtocol> server = Accepting.recording(t, ServerOptions.DEFAULTS);
                RecordingProtocol client = new RecordingProtocol(t.loop);
                Transport raw = t.connect(client, server.port());
                Future<Transport> upgrading = t.loop.startTls(raw, client, CLIENT);
                RecordingProtocol serverSide = server.accepted();
                t.run(serverSide.whenReceived(t.loop, 1));
                assertFalse(upgrading.done(), "the silent server never answers the ClientHello");
                upgrading.cancel();
                assertNull(t.run(client.lost), "the protocol hears of the aborted connection");
                t.run(serverSide.lost);
                assertTrue(upgrading.cancelled());
                server.closeAndWait();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aServerThatNeverAnswersFailsTheUpgradeAfterTheHandshakeTimeout(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Accepting<RecordingProtocol> server = Accepting.recording(t, ServerOptions.DEFAULTS);
            RecordingProtocol client = new RecordingProtocol(t.loop);
            Transport raw = t.connect(client, server.port());
            org.jasyncio.TimeoutException timeout = assertThrows(org.jasyncio.TimeoutException.class,
                    () -> t.run(t.loop.startTls(raw, client, CLIENT.withSslHandshakeTimeout(0.2))));
            assertEquals("SSL handshake is taking longer than 0.2 seconds: aborting the connection", timeout.getMessage());
            assertSame(timeout, t.run(client.lost));
            server.closeAndWait();
        }
    }
}
