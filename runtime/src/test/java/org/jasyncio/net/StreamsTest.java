package org.jasyncio.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jasyncio.AsyncIO;
import org.jasyncio.ConnectionException;
import org.jasyncio.ConnectionRefusedException;
import org.jasyncio.Future;
import org.jasyncio.IncompleteReadException;
import org.jasyncio.LimitOverrunException;
import org.jasyncio.Server;
import org.jasyncio.StreamReader;
import org.jasyncio.StreamWriter;
import org.jasyncio.Streams;
import org.jasyncio.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** openConnection/startServer, StreamReader and StreamWriter, including their faults. */
class StreamsTest {

    static List<LoopType> loops() {
        return LoopType.all();
    }

    /** A server handler written with callbacks: echoes every chunk until EOF, then closes. */
    static Task<Void> echo(StreamReader reader, StreamWriter writer) {
        echoNext(reader, writer);
        return Task.completed();
    }

    private static void echoNext(StreamReader reader, StreamWriter writer) {
        reader.read(65536).addDoneCallback(read -> {
            if (read.exception() != null || read.result().length == 0) {
                writer.close();
                return;
            }
            writer.write(read.result());
            writer.drain().addDoneCallback(drained -> {
                if (drained.exception() == null) {
                    echoNext(reader, writer);
                }
            });
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("loops")
    void readMethodsSplitTheStreamAsAsyncioDoes(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                Server server = t.call(() -> AsyncIO.startServer(StreamsTest::echo, "127.0.0.1", 0));
                Streams s = t.call(() -> AsyncIO.openConnection("127.0.0.1", server.port()));
                StreamReader reader = s.reader();
                StreamWriter writer = s.writer();
                writer.write(bytes("hello\nworld|tail"));
                t.run(writer.drain());
                assertArrayEquals(bytes("hello\n"), t.run(reader.readline()));
                assertArrayEquals(bytes("world|"), t.run(reader.readuntil(bytes("|"))));
                assertArrayEquals(bytes("ta"), t.run(reader.readexactly(2)));
                writer.writeEof();
                IncompleteReadException incomplete = assertThrows(IncompleteReadException.class,
                        () -> t.run(reader.readexactly(5)));
                assertArrayEquals(bytes("il"), incomplete.partial());
                assertEquals(5, incomplete.expected());
                assertEquals("2 bytes read on a total of 5 expected bytes", incomplete.getMessage());
                assertTrue(reader.atEof());
                assertEquals(0, t.run(reader.read(10)).length);
                assertEquals(0, t.run(reader.readline()).length);
                assertFalse(writer.isClosing(), "EOF from the peer leaves our side open");
                writer.close();
                assertNull(t.run(writer.waitClosed()));
                assertEquals(server.port(), ((java.net.InetSocketAddress) writer.getExtraInfo("peername")).getPort());
                server.close();
                t.run(server.waitClosed());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("loops")
    void limitsAreEnforced(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            StreamReader reader = new StreamReader(8, t.loop);
            reader.feedData(bytes("0123456789\nab\n"));
            LimitOverrunException overrun = assertThrows(LimitOverrunException.class, () -> t.run(reader.readuntil(bytes("\n"))));
            assertEquals("Separator is found, but chunk is longer than limit", overrun.getMessage());
            assertEquals(10, overrun.consumed());
            assertThrows(LimitOverrunException.class, () -> t.run(reader.readline()));
            assertArrayEquals(bytes("ab\n"), t.run(reader.readline()), "readline dropped the overlong line only");
            reader.feedData(bytes("no separator here"));
            assertEquals("Separator is not found, and chunk exceed the limit",
                    assertThrows(LimitOverrunException.class, () -> t.run(reader.readuntil(bytes("\n")))).getMessage());
            assertThrows(IllegalArgumentException.class, () -> new StreamReader(0, t.loop));
            assertThrows(IllegalArgumentException.class, () -> reader.readuntil(new byte[0]));
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aReadCancelledMidReadLosesNoData(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.call(() -> AsyncIO.startServer(StreamsTest::echo, "127.0.0.1", 0));
            Streams s = t.call(() -> AsyncIO.openConnection("127.0.0.1", server.port()));
            Future<byte[]> line = s.reader().readline();
            assertThrows(IllegalStateException.class, () -> s.reader().read(1), "one waiting read at a time");
            t.spin(3);
            line.cancel();
            s.writer().write(bytes("kept\n"));
            t.spin(5);
            assertArrayEquals(bytes("kept\n"), t.run(s.reader().readline()));
            Future<byte[]> timedOut = AsyncIO.waitFor(s.reader().readexactly(4), 0.05);
            assertThrows(org.jasyncio.TimeoutException.class, () -> t.run(timedOut));
            s.writer().write(bytes("abcd"));
            assertArrayEquals(bytes("abcd"), t.run(s.reader().readexactly(4)));
            s.writer().close();
            t.run(s.writer().waitClosed());
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("org.jasyncio.net.LoopType#readiness")
    void aClientThatNeverReadsBlocksDrainAndKeepsMemoryBounded(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            List<StreamWriter> writers = new ArrayList<>();
            Server server = t.call(() -> AsyncIO.startServer((r, w) -> {
                writers.add(w);
                return Task.completed();
            }, "127.0.0.1", 0));
            Streams s = t.call(() -> AsyncIO.openConnection("127.0.0.1", server.port()));
            t.spin(3);
            StreamWriter writer = writers.get(0);
            byte[] chunk = new byte[32 * 1024];
            Future<Void> drained = null;
            for (int i = 0; i < 1000 && (drained == null || drained.done()); i++) {
                writer.write(chunk);
                drained = writer.drain();
                t.spin(1);
            }
            assertFalse(drained.done(), "drain waits while the client does not read");
            t.spin(20);
            assertFalse(drained.done());
            long buffered = writer.transport().getWriteBufferSize();
            assertTrue(buffered <= 64 * 1024 + chunk.length, "bounded: " + buffered);
            // The client's reader paused its transport above twice its limit: its buffer is bounded too.
            assertFalse(s.writer().transport().isReading());

            byte[] got = t.run(s.reader().readexactly(1024 * 1024));
            assertEquals(1024 * 1024, got.length);
            t.run(drained);
            s.writer().transport().abort();
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("org.jasyncio.net.LoopType#readiness")
    void aResetPeerFailsReadsDrainAndWaitClosed(LoopType type) throws Exception {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            List<Streams> accepted = new ArrayList<>();
            Server server = t.call(() -> AsyncIO.startServer((r, w) -> {
                accepted.add(new Streams(r, w));
                return Task.completed();
            }, "127.0.0.1", 0));
            Streams client = t.call(() -> AsyncIO.openConnection("127.0.0.1", server.port()));
            t.spin(3);
            Streams serverSide = accepted.get(0);
            Future<byte[]> pending = serverSide.reader().read(100);
            ((SocketChannel) client.writer().getExtraInfo("socket")).setOption(StandardSocketOptions.SO_LINGER, 0);
            client.writer().transport().abort();
            ConnectionException reset = assertThrows(ConnectionException.class, () -> t.run(pending));
            assertInstanceOf(org.jasyncio.ConnectionResetException.class, reset);
            assertThrows(org.jasyncio.ConnectionResetException.class, () -> t.run(serverSide.writer().drain()));
            assertThrows(org.jasyncio.ConnectionResetException.class, () -> t.run(serverSide.writer().waitClosed()));
            t.run(server.waitClosed().isDone() ? server.waitClosed() : closeAndWait(server));
        }
    }

    private static Future<Void> closeAndWait(Server server) {
        server.close();
        return server.waitClosed();
    }

    @ParameterizedTest
    @MethodSource("loops")
    void openConnectionToNothingIsRefused(LoopType type) {
        int port = ProtocolTest.freePort();
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            ConnectionRefusedException refused = assertThrows(ConnectionRefusedException.class,
                    () -> t.call(() -> AsyncIO.openConnection("127.0.0.1", port)));
            assertTrue(refused.getMessage().contains("127.0.0.1:" + port));
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aFailingHandlerIsReportedAndItsConnectionClosed(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            List<String> reports = new ArrayList<>();
            t.loop.setExceptionHandler((loop, context) -> reports.add(String.valueOf(context.get("message"))));
            Server server = t.call(() -> AsyncIO.startServer((r, w) -> {
                throw new IllegalStateException("handler bug");
            }, "127.0.0.1", 0));
            Streams s = t.call(() -> AsyncIO.openConnection("127.0.0.1", server.port()));
            assertEquals(0, t.run(s.reader().read(10)).length, "the server closed the connection");
            assertEquals(List.of("Unhandled exception in client_connected_cb"), reports);
            s.writer().close();
            server.close();
            t.run(server.waitClosed());
        }
    }
}
