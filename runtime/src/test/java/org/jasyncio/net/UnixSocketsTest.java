package org.jasyncio.net;

import static org.jasyncio.net.Payloads.bytes;
import static org.jasyncio.net.Payloads.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLEngine;
import org.jasyncio.AsyncIO;
import org.jasyncio.Connection;
import org.jasyncio.ConnectionException;
import org.jasyncio.ConnectionOptions;
import org.jasyncio.ConnectionRefusedException;
import org.jasyncio.ProactorEventLoop;
import org.jasyncio.SelectorEventLoop;
import org.jasyncio.Server;
import org.jasyncio.ServerOptions;
import org.jasyncio.Streams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unix-domain sockets (asyncio's {@code create_unix_connection}/{@code create_unix_server} and their
 * stream forms) on the selector loop, and the proactor's refusal, as asyncio's proactor refuses.
 */
class UnixSocketsTest {

    private static final LoopType SELECTOR = new LoopType("selector", SelectorEventLoop::new);

    @TempDir
    Path directory;

    @Test
    void streamsEchoOverASocketFileThatTheServerRemovesWhenItCloses() {
        String path = directory.resolve("echo.sock").toString();
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(SELECTOR)) {
                Server server = t.call(() -> AsyncIO.startUnixServer(StreamsTest::echo, path));
                assertTrue(Files.exists(Path.of(path)), "the socket file exists while listening");
                assertThrows(IllegalStateException.class, server::port, "a path has no port");
                Streams s = t.call(() -> AsyncIO.openUnixConnection(path));
                s.writer().write(bytes("over a unix socket\n"));
                assertArrayEquals(bytes("over a unix socket\n"), t.run(s.reader().readline()));
                assertEquals(UnixDomainSocketAddress.of(path), s.writer().getExtraInfo("peername"));
                s.writer().close();
                t.run(s.writer().waitClosed());
                server.close();
                t.run(server.waitClosed());
                assertFalse(Files.exists(Path.of(path)), "the server removed its socket file");
            }
        });
    }

    @Test
    void protocolsMoveAMegabyteIntactWithoutTcpOptions() {
        String path = directory.resolve("bulk.sock").toString();
        try (LoopUnderTest t = new LoopUnderTest(SELECTOR)) {
            RecordingProtocol[] accepted = new RecordingProtocol[1];
            Server server = t.call(() -> t.loop.createUnixServer(() -> accepted[0] = new RecordingProtocol(t.loop), path));
            Connection<RecordingProtocol> client = t.call(() -> t.loop.createUnixConnection(
                    () -> new RecordingProtocol(t.loop), path));
            byte[] sent = random(1 << 20, 3);
            client.transport().write(sent);
            t.run(accepted[0].made);
            t.run(accepted[0].whenReceived(t.loop, sent.length));
            assertArrayEquals(sent, accepted[0].received.toByteArray());
            assertInstanceOf(UnixDomainSocketAddress.class, accepted[0].transport.getExtraInfo("sockname"));
            client.transport().close();
            t.run(accepted[0].eof);
            server.close();
            t.run(server.waitClosed());
        }
    }

    @Test
    void aStaleSocketFileIsReplacedAndAnyOtherFileIsLeftAlone() throws IOException {
        Path stale = directory.resolve("stale.sock");
        try (ServerSocketChannel left = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            left.bind(UnixDomainSocketAddress.of(stale));
        }
        assertTrue(Files.exists(stale), "closing a channel leaves its socket file behind");
        Path regular = Files.writeString(directory.resolve("notes.txt"), "keep me");
        try (LoopUnderTest t = new LoopUnderTest(SELECTOR)) {
            Server server = t.call(() -> t.loop.createUnixServer(() -> new RecordingProtocol(t.loop), stale.toString()));
            assertTrue(server.isServing());
            UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                    () -> t.call(() -> t.loop.createUnixServer(() -> new RecordingProtocol(t.loop), regular.toString())));
            assertTrue(refused.getMessage().startsWith("error while attempting to bind on address " + regular),
                    refused.getMessage());
            assertEquals("keep me", Files.readString(regular));
            server.close();
            t.run(server.waitClosed());
        }
    }

    @Test
    void connectingToAPathNobodyListensOnFailsNamingIt() throws IOException {
        String missing = directory.resolve("nobody.sock").toString();
        Path abandoned = directory.resolve("abandoned.sock");
        try (ServerSocketChannel left = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            left.bind(UnixDomainSocketAddress.of(abandoned));
        }
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(SELECTOR)) {
                ConnectionException noFile = assertThrows(ConnectionException.class,
                        () -> t.call(() -> AsyncIO.openUnixConnection(missing)));
                assertEquals("Connect call failed " + missing + ": No such file or directory", noFile.getMessage());
                ConnectionRefusedException refused = assertThrows(ConnectionRefusedException.class,
                        () -> t.call(() -> AsyncIO.openUnixConnection(abandoned.toString())));
                assertEquals("Connect call failed " + abandoned + ": Connection refused", refused.getMessage());
            }
        });
    }

    @Test
    void streamsSpeakTlsOverAUnixSocketWhenNamingTheServer() {
        String path = directory.resolve("tls.sock").toString();
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(SELECTOR)) {
                Server server = t.call(() -> AsyncIO.startUnixServer(StreamsTest::echo, path,
                        ServerOptions.DEFAULTS.withSsl(TlsContexts.server())));
                ConnectionOptions tls = ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client());
                assertEquals("you have to pass serverHostname (server_hostname) when using ssl",
                        assertThrows(IllegalArgumentException.class, () -> t.loop.createUnixConnection(
                                () -> new RecordingProtocol(t.loop), path, tls)).getMessage());
                Streams s = t.call(() -> AsyncIO.openUnixConnection(path, tls.withServerHostname("localhost")));
                assertInstanceOf(SSLEngine.class, s.writer().getExtraInfo("ssl_object"));
                s.writer().write(bytes("private line\n"));
                assertArrayEquals(bytes("private line\n"), t.run(s.reader().readline()));
                s.writer().close();
                t.run(s.writer().waitClosed());
                server.close();
                t.run(server.waitClosed());
            }
        });
    }

    @Test
    void theProactorLoopRefusesUnixSocketsAsAsyncioDoes() {
        try (LoopUnderTest t = new LoopUnderTest(new LoopType("proactor", ProactorEventLoop::new))) {
            String path = directory.resolve("p.sock").toString();
            UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                    () -> t.loop.createUnixServer(() -> new RecordingProtocol(t.loop), path));
            assertEquals("ProactorEventLoop has no Unix-domain sockets (NIO.2's asynchronous channels are TCP only);"
                    + " use a SelectorEventLoop", refused.getMessage());
            assertThrows(UnsupportedOperationException.class,
                    () -> t.loop.createUnixConnection(() -> new RecordingProtocol(t.loop), path));
            assertFalse(Files.exists(Path.of(path)));
        }
    }
}
