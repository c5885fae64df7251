package org.jasyncio.net;

import static org.jasyncio.net.Payloads.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.Connection;
import org.jasyncio.ConnectionRefusedException;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.Server;
import org.jasyncio.Streams;
import org.jasyncio.Task;
import org.jasyncio.Transport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transports, servers and streams behave the same on every loop type: bytes arrive intact, faults end
 * in a clear exception or a clean EOF, and no file descriptor is left open.
 */
class BothLoopTypesTransportTest {

    static List<LoopType> loops() {
        return LoopType.all();
    }

    /** Echoes what it receives; keeps its transport for the test. */
    static final class Echo implements Protocol {
        Transport transport;

        @Override
        public void connectionMade(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loops")
    void echoesEveryByteOfManyWritesAndLeavesNoDescriptorOpen(LoopType type) {
        long fdsBefore = LoopUnderTest.openFileDescriptors();
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.call(() -> t.loop.createServer(Echo::new, "127.0.0.1", 0));
            RecordingProtocol client = new RecordingProtocol(t.loop);
            Connection<RecordingProtocol> connection = t.call(
                    () -> t.loop.createConnection(() -> client, "127.0.0.1", server.port()));
            byte[] data = random(3 * 1024 * 1024 + 17, 1);
            for (int offset = 0; offset < data.length; offset += 10_000) {
                connection.transport().write(ByteBuffer.wrap(data, offset, Math.min(10_000, data.length - offset)));
            }
            t.run(client.whenReceived(t.loop, data.length));
            assertArrayEquals(data, client.received.toByteArray());

            connection.transport().close();
            assertNull(t.run(client.lost));
            server.close();
            t.run(server.waitClosed());
        }
        LoopUnderTest.assertNoMoreDescriptorsThan(fdsBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loops")
    void aClientThatDoesNotReadHoldsTheWriterPausedAndGetsEveryByteOnceItReads(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            byte[] data = random(64 * 1024 * 1024, 2);
            List<Flood> serverSides = new ArrayList<>();
            Server server = t.call(() -> t.loop.createServer(() -> {
                Flood flood = new Flood(t, data);
                serverSides.add(flood);
                return flood;
            }, "127.0.0.1", 0));
            RecordingProtocol client = new RecordingProtocol(t.loop) {
                @Override
                public void connectionMade(Transport transport) {
                    super.connectionMade(transport);
                    transport.pauseReading();
                }
            };
            t.call(() -> t.loop.createConnection(() -> client, "127.0.0.1", server.port()));
            t.run(client.made);
            while (serverSides.isEmpty()) {
                t.spin(1);
            }
            Flood flood = serverSides.get(0);
            // Once the kernel's buffers are full the writer stays paused: a pause that outlasts 0.2 s
            // with nothing read is that state (an earlier pause is resumed as the kernel takes bytes).
            int before;
            do {
                before = flood.written;
                t.runFor(0.2);
            } while (flood.written != before || !flood.paused);
            assertTrue(flood.written < data.length, "the writer was held back");
            long buffered = flood.transport.getWriteBufferSize();
            assertTrue(buffered > 64 * 1024 && buffered <= 128 * 1024,
                    "buffered above the high-water mark, by at most one chunk: " + buffered);

            client.transport.resumeReading();
            t.run(client.whenReceived(t.loop, data.length));
            assertTrue(flood.events.contains("resume"), flood.events::toString);
            assertArrayEquals(data, client.received.toByteArray());
            server.close();
            server.closeClients();
            t.run(server.waitClosed());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loops")
    void halfCloseLetsThePeerAnswerBeforeClosing(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.call(() -> t.loop.createServer(() -> new Protocol() {
                private Transport transport;
                private final StringBuilder got = new StringBuilder();

                @Override
                public void connectionMade(Transport transport) {
                    this.transport = transport;
                }

                @Override
                public void dataReceived(ByteBuffer data) {
                    while (data.hasRemaining()) {
                        got.append((char) data.get());
                    }
                }

                @Override
                public boolean eofReceived() {
                    transport.write(("got " + got).getBytes());
                    transport.close();
                    return true;
                }
            }, "127.0.0.1", 0));
            RecordingProtocol client = new RecordingProtocol(t.loop);
            client.keepOpenOnEof = true;
            t.call(() -> t.loop.createConnection(() -> client, "127.0.0.1", server.port()));
            client.transport.write("question".getBytes());
            client.transport.writeEof();
            assertThrows(IllegalStateException.class, () -> client.transport.write("more".getBytes()));
            t.run(client.eof);
            assertEquals("got question", client.received.toString());
            client.transport.close();
            assertNull(t.run(client.lost));
            assertEquals(List.of("made", "eof", "lost"), client.events);
            server.close();
            t.run(server.waitClosed());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loops")
    void connectingToAClosedPortIsRefusedNamingTheAddress(LoopType type) {
        int port;
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.call(() -> t.loop.createServer(Echo::new, "127.0.0.1", 0));
            port = server.port();
            server.close();
            t.run(server.waitClosed());
            ConnectionRefusedException refused = assertThrows(ConnectionRefusedException.class,
                    () -> t.call(() -> t.loop.createConnection(Echo::new, "127.0.0.1", port)));
            assertTrue(refused.getMessage().startsWith("Connect call failed 127.0.0.1:" + port), refused.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loops")
    void aReadCancelledMidWayLosesNoByte(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.call(() -> AsyncIO.startServer((reader, writer) -> {
                Future<byte[]> line = reader.readline();
                line.addDoneCallback(done -> {
                    writer.write(done.result());
                    writer.write("second\n".getBytes());
                    writer.close();
                });
                return Task.completed();
            }, "127.0.0.1", 0));
            Streams streams = t.call(() -> AsyncIO.openConnection("127.0.0.1", server.port()));
            Future<byte[]> first = streams.reader().readline();
            t.spin(3);
            first.cancel();
            assertThrows(CancelledException.class, () -> t.run(first));
            streams.writer().write("first\n".getBytes());
            assertArrayEquals("first\n".getBytes(), t.run(streams.reader().readline()));
            assertArrayEquals("second\n".getBytes(), t.run(streams.reader().readline()));
            assertArrayEquals(new byte[0], t.run(streams.reader().read(10)));
            streams.writer().close();
            t.run(streams.writer().waitClosed());
            server.close();
            t.run(server.waitClosed());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loops")
    void aClosedServerKeepsItsClientsUntilTheyAreClosed(LoopType type) {
        long fdsBefore = LoopUnderTest.openFileDescriptors();
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.call(() -> t.loop.createServer(Echo::new, "127.0.0.1", 0));
            int port = server.port();
            List<RecordingProtocol> clients = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                RecordingProtocol client = new RecordingProtocol(t.loop);
                t.call(() -> t.loop.createConnection(() -> client, "127.0.0.1", port));
                clients.add(client);
            }
            t.run(clients.get(2).whenReceived(t.loop, 0));
            while (server.activeConnections() < 3) {
                t.spin(1);
            }
            server.close();
            assertTrue(server.sockets().isEmpty());
            assertThrows(ConnectionRefusedException.class,
                    () -> t.call(() -> t.loop.createConnection(Echo::new, "127.0.0.1", port)));

            clients.get(0).transport.write("still here".getBytes());
            t.run(clients.get(0).whenReceived(t.loop, 10));
            assertEquals("still here", clients.get(0).received.toString());

            Future<Void> closed = server.waitClosed();
            t.spin(2);
            assertTrue(!closed.done(), "waitClosed waits for the clients");
            server.closeClients();
            t.run(closed);
            for (RecordingProtocol client : clients) {
                t.run(client.lost);
                assertTrue(client.events.contains("eof"), client.events::toString);
            }
        }
        LoopUnderTest.assertNoMoreDescriptorsThan(fdsBefore);
    }
}
