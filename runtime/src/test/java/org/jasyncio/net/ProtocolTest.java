package org.jasyncio.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.NetworkChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jasyncio.Connection;
import org.jasyncio.ConnectionRefusedException;
import org.jasyncio.ConnectionResetException;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.Server;
import org.jasyncio.Transport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The transport/protocol layer: createServer, createConnection, flow control and faults. */
class ProtocolTest {

    static List<LoopType> loops() {
        return LoopType.all();
    }

    /** Echoes what it receives; keeps the connection half-open on EOF, then closes after echoing. */
    static final class Echo implements Protocol {
        Transport transport;

        @Override
        public void connectionMade(Transport made) {
            transport = made;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
        }

        @Override
        public boolean eofReceived() {
            transport.close();
            return true;
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void echoCarriesEveryByteAndReportsTheConnection(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                Server server = t.run(t.loop.createServer(Echo::new, "127.0.0.1", 0));
                RecordingProtocol client = new RecordingProtocol(t.loop);
                Connection<RecordingProtocol> connection = t.run(t.loop.createConnection(() -> client, "127.0.0.1", server.port()));
                assertEquals(client, connection.protocol());
                assertEquals(List.of("made"), client.events);
                Transport transport = connection.transport();
                assertEquals(new InetSocketAddress("127.0.0.1", server.port()), transport.getExtraInfo("peername"));
                assertInstanceOf(InetSocketAddress.class, transport.getExtraInfo("sockname"));
                assertNull(transport.getExtraInfo("no such thing"));
                assertTrue((Boolean) option((NetworkChannel) transport.getExtraInfo("socket")), "TCP_NODELAY is on");

                byte[] payload = new byte[5 * 1024 * 1024 + 17];
                new Random(1).nextBytes(payload);
                transport.write(payload);
                transport.writeEof();
                assertThrows(IllegalStateException.class, () -> transport.write(new byte[] {1}));
                assertNull(t.run(client.lost), "the server closed after echoing: a clean close");
                assertArrayEquals(payload, client.received.toByteArray());
                assertEquals(List.of("made", "eof", "lost"),
                        client.events.stream().filter(e -> !e.equals("pause") && !e.equals("resume")).toList());
                server.close();
                t.run(server.waitClosed());
                assertFalse(server.isServing());
                assertTrue(server.sockets().isEmpty());
            }
        });
    }

    private static Object option(NetworkChannel channel) {
        try {
            return channel.getOption(StandardSocketOptions.TCP_NODELAY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server on a free port of 127.0.0.1 whose first connection's protocol completes {@code accepted}. */
    private static Server serveOne(LoopUnderTest t, Future<RecordingProtocol> accepted) {
        return t.run(t.loop.createServer(() -> {
            RecordingProtocol serverSide = new RecordingProtocol(t.loop);
            accepted.setResult(serverSide);
            return serverSide;
        }, "127.0.0.1", 0));
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aPeerThatDoesNotReadPausesTheWriterAndReadingAgainResumesIt(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Future<RecordingProtocol> accepted = t.loop.createFuture();
            Server server = serveOne(t, accepted);
            // More than the kernel's buffers can hold (tcp_rmem max + tcp_wmem max is 36 MiB here), so
            // the flood cannot finish unless the peer reads.
            Flood client = new Flood(t, new byte[64 * 1024 * 1024]);
            t.run(t.loop.createConnection(() -> client, "127.0.0.1", server.port()));
            RecordingProtocol serverSide = t.run(accepted);
            serverSide.transport.pauseReading();
            assertFalse(serverSide.transport.isReading());

            long atPause = t.run(client.firstPause);
            assertTrue(atPause > 64 * 1024 && atPause <= 64 * 1024 + Flood.CHUNK,
                    "paused above the high-water mark, by at most one chunk: " + atPause);
            assertFalse(client.allWritten.done(), "the writer was held back");

            serverSide.transport.resumeReading();
            assertTrue(t.run(client.firstResume) <= 16 * 1024, "resumed at the low-water mark");
            t.run(client.allWritten);
            client.transport.close();
            assertNull(t.run(client.lost));
            assertNull(t.run(serverSide.lost));
            assertEquals(client.data.length, serverSide.received.size(), "every byte arrived");
            assertEquals(List.of("made", "pause", "resume"), client.events.subList(0, 3));
            for (int i = 1; i < client.events.size() - 1; i++) {
                assertEquals(i % 2 == 1 ? "pause" : "resume", client.events.get(i), "pauses and resumes alternate");
            }
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void halfCloseKeepsTheOtherDirectionOpen(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            RecordingProtocol serverSide = new RecordingProtocol(t.loop);
            serverSide.keepOpenOnEof = true;
            Server server = t.run(t.loop.createServer(() -> serverSide, "127.0.0.1", 0));
            RecordingProtocol client = new RecordingProtocol(t.loop);
            Transport transport = t.run(t.loop.createConnection(() -> client, "127.0.0.1", server.port())).transport();
            assertTrue(transport.canWriteEof());
            transport.write(new byte[] {1, 2});
            transport.writeEof();
            t.run(serverSide.eof);
            serverSide.transport.write(new byte[] {3});
            serverSide.transport.close();
            assertNull(t.run(client.lost));
            assertArrayEquals(new byte[] {3}, client.received.toByteArray());
            assertArrayEquals(new byte[] {1, 2}, serverSide.received.toByteArray());
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aPeerResetReachesConnectionLostAsConnectionResetException(LoopType type) throws IOException {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Future<RecordingProtocol> accepted = t.loop.createFuture();
            Server server = serveOne(t, accepted);
            RecordingProtocol serverSide;
            try (java.net.Socket peer = new java.net.Socket("127.0.0.1", server.port())) {
                peer.getOutputStream().write(1);
                serverSide = t.run(accepted);
                t.run(serverSide.whenReceived(t.loop, 1));
                // SO_LINGER 0 makes close() send RST instead of FIN.
                peer.setSoLinger(true, 0);
            }
            Throwable lost = t.run(serverSide.lost);
            assertInstanceOf(ConnectionResetException.class, lost);
            assertTrue(lost.getMessage().contains("reset"), lost.getMessage());
            assertEquals(List.of("made", "lost"), serverSide.events, "a reset is no EOF");
            server.close();
            t.run(server.waitClosed());
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aRefusedConnectionNamesHostAndPortAndLeaksNothing(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            int port = freePort();
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                ConnectionRefusedException refused = assertThrows(ConnectionRefusedException.class,
                        () -> t.run(t.loop.createConnection(() -> new RecordingProtocol(t.loop), "127.0.0.1", port)));
                assertTrue(refused.getMessage().startsWith("Connect call failed 127.0.0.1:" + port), refused.getMessage());
            }
        });
    }

    static int freePort() {
        try (ServerSocketChannel probe = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            return ((InetSocketAddress) probe.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aServerClosedWithClientsConnectedKeepsThemUntilTheyClose(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            List<RecordingProtocol> accepted = new ArrayList<>();
            Server server = t.run(t.loop.createServer(() -> {
                RecordingProtocol r = new RecordingProtocol(t.loop);
                accepted.add(r);
                return r;
            }, "127.0.0.1", 0));
            int port = server.port();
            RecordingProtocol first = new RecordingProtocol(t.loop);
            RecordingProtocol second = new RecordingProtocol(t.loop);
            Transport one = t.run(t.loop.createConnection(() -> first, "127.0.0.1", port)).transport();
            t.run(t.loop.createConnection(() -> second, "127.0.0.1", port));
            while (server.activeConnections() < 2) {
                t.spin(1);
            }
            server.close();
            Future<Void> closed = server.waitClosed();
            assertThrows(ConnectionRefusedException.class,
                    () -> t.run(t.loop.createConnection(() -> new RecordingProtocol(t.loop), "127.0.0.1", port)));
            one.write(new byte[] {42});
            while (accepted.get(0).received.size() == 0) {
                t.spin(1);
            }
            assertArrayEquals(new byte[] {42}, accepted.get(0).received.toByteArray(), "accepted connections go on");
            assertFalse(closed.done());
            server.closeClients();
            t.run(closed);
            assertNull(t.run(first.lost));
            assertNull(t.run(second.lost));
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void reusePortLetsTwoServersShareAPort(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            org.jasyncio.ServerOptions options = org.jasyncio.ServerOptions.DEFAULTS.withReusePort(true);
            Server a = t.run(t.loop.createServer(Echo::new, "127.0.0.1", 0, options));
            Server b = t.run(t.loop.createServer(Echo::new, "127.0.0.1", a.port(), options));
            assertEquals(a.port(), b.port());
            UncheckedIOException taken = assertThrows(UncheckedIOException.class,
                    () -> t.run(t.loop.createServer(Echo::new, "127.0.0.1", a.port())));
            assertTrue(taken.getMessage().startsWith("error while attempting to bind on address 127.0.0.1:" + a.port()),
                    taken.getMessage());
            a.close();
            b.close();
        }
    }
}
