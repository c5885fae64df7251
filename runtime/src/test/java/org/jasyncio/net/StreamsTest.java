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

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jasyncio.AsyncIO;
import org.jasyncio.ConnectionException;
import org.jasyncio.ConnectionRefusedException;
import org.jasyncio.ConnectionResetException;
import org.jasyncio.Future;
import org.jasyncio.IncompleteReadException;
import org.jasyncio.LimitOverrunException;
import org.jasyncio.Server;
import org.jasyncio.StreamReader;
import org.jasyncio.StreamWriter;
import org.jasyncio.Streams;
import org.jasyncio.Task;
import org.jasyncio.testing.Relay;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** openConnection/startServer, StreamReader and StreamWriter, including their faults. */
class StreamsTest {

    static List<LoopType> loops() {
        return LoopType.all();
    }

    /** A server handler written with callbacks: echoes every chunk until EOF, then closes. */
    static Task<Void> echo(StreamReader reader, StreamWriter writer) {
        HttpTestServer.echo(reader, writer, Integer.MAX_VALUE);
        return Task.completed();
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
    void readintoFillsTheCallersBufferFromItsPosition(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            StreamReader reader = new StreamReader(8, t.loop);
            reader.feedData(bytes("hello world"));
            ByteBuffer small = ByteBuffer.allocate(5);
            assertEquals(5, t.run(reader.readinto(small)));
            assertEquals("hello", new String(small.array(), StandardCharsets.UTF_8));
            assertEquals(0, t.run(reader.readinto(small)), "a full buffer reads nothing");
            ByteBuffer direct = ByteBuffer.allocateDirect(16).position(3);
            assertEquals(6, t.run(reader.readinto(direct)), "what is buffered, without waiting for more");
            assertEquals(9, direct.position());
            assertEquals(" world", text(direct.flip().position(3)));

            ByteBuffer twoBytes = ByteBuffer.allocateDirect(2);
            Future<Integer> waiting = reader.readinto(twoBytes);
            assertFalse(waiting.done(), "waits for data on an empty buffer");
            reader.feedData(bytes("abcdef"));
            assertEquals(2, t.run(waiting), "takes no more than the buffer has room for");
            assertEquals("ab", text(twoBytes.flip()));
            assertArrayEquals(bytes("cdef"), t.run(reader.read(10)), "the rest stays buffered");

            ByteBuffer untouched = ByteBuffer.allocate(4);
            reader.readinto(untouched).cancel();
            reader.feedData(bytes("kept"));
            assertEquals(0, untouched.position(), "a cancelled readinto leaves its buffer alone");
            assertArrayEquals(new byte[4], untouched.array());
            assertArrayEquals(bytes("kept"), t.run(reader.read(10)), "and takes nothing from the stream");

            assertThrows(ReadOnlyBufferException.class, () -> reader.readinto(ByteBuffer.allocate(4).asReadOnlyBuffer()));
            Future<Integer> atEof = reader.readinto(ByteBuffer.allocate(4));
            reader.feedEof();
            assertEquals(0, t.run(atEof), "0 at end of stream");
            assertEquals(0, t.run(reader.readinto(ByteBuffer.allocate(4))));
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void readintoFailsWithTheStreamsException(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            StreamReader reader = new StreamReader(8, t.loop);
            Future<Integer> waiting = reader.readinto(ByteBuffer.allocate(4));
            ConnectionResetException reset = new ConnectionResetException("reset by peer", null);
            reader.setException(reset);
            assertSame(reset, assertThrows(ConnectionResetException.class, () -> t.run(waiting)));
            assertSame(reset, assertThrows(ConnectionResetException.class,
                    () -> t.run(reader.readinto(ByteBuffer.allocate(4)))));
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void readintoReceivesAMegabyteIntactThroughOneBuffer(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                Server server = t.call(() -> AsyncIO.startServer(StreamsTest::echo, "127.0.0.1", 0));
                Streams s = t.call(() -> AsyncIO.openConnection("127.0.0.1", server.port()));
                byte[] sent = random(1 << 20, 5);
                s.writer().write(sent);
                s.writer().writeEof();
                ByteBuffer buffer = ByteBuffer.allocateDirect(10_000);
                byte[] received = new byte[sent.length];
                int total = 0;
                int reads = 0;
                while (true) {
                    buffer.clear();
                    int n = t.run(s.reader().readinto(buffer));
                    if (n == 0) {
                        break;
                    }
                    assertEquals(n, buffer.position());
                    buffer.flip().get(received, total, n);
                    total += n;
                    reads++;
                }
                assertEquals(sent.length, total);
                assertArrayEquals(sent, received);
                assertTrue(reads >= sent.length / 10_000, "never more than the buffer's room per read");
                s.writer().close();
                t.run(s.writer().waitClosed());
                server.close();
                t.run(server.waitClosed());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("loops")
    void bytesHandedToATaskCancelledBeforeItResumedGoBackToTheStream(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            StreamReader reader = new StreamReader(64, t.loop);
            List<Object> taken = new ArrayList<>();
            Task<Object> lineReader = t.loop.createTask(() -> Relay.awaitThen(reader.readline(), taken::add));
            t.spin(2);
            // The line completes the read and queues the task's wake-up; the cancel comes before it runs.
            t.loop.callSoon(() -> {
                reader.feedData(bytes("first\nsecond\n"));
                lineReader.cancel();
            });
            t.spin(3);
            assertTrue(lineReader.cancelled());
            assertTrue(taken.isEmpty());
            assertArrayEquals(bytes("first\n"), t.run(reader.readline()), "the cancelled task's line is read again");
            assertArrayEquals(bytes("second\n"), t.run(reader.readline()));

            ByteBuffer into = ByteBuffer.allocate(16).position(2);
            Task<Object> intoReader = t.loop.createTask(() -> Relay.awaitThen(reader.readinto(into), taken::add));
            t.spin(2);
            t.loop.callSoon(() -> {
                reader.feedData(bytes("third"));
                intoReader.cancel();
            });
            t.spin(3);
            assertTrue(intoReader.cancelled());
            assertEquals(2, into.position(), "the buffer's position is given back too");
            assertArrayEquals(bytes("third"), t.run(reader.read(100)));
            assertTrue(taken.isEmpty());
        }
    }

    private static String text(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
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

    /** Writes {@code total} bytes in chunks, awaiting drain after each, and records how far it got. */
    static final class DrainingWriter {
        static final int CHUNK = 32 * 1024;
        final StreamWriter writer;
        final int total;
        final Future<Void> done;
        int written;
        long maxBuffered;
        Future<Void> lastDrain;

        DrainingWriter(StreamWriter writer, int total, org.jasyncio.EventLoop loop) {
            this.writer = writer;
            this.total = total;
            this.done = loop.createFuture();
        }

        void next() {
            if (written == total) {
                done.setResult(null);
                return;
            }
            int n = Math.min(CHUNK, total - written);
            byte[] chunk = new byte[n];
            for (int i = 0; i < n; i++) {
                chunk[i] = (byte) (written + i);
            }
            writer.write(chunk);
            written += n;
            maxBuffered = Math.max(maxBuffered, writer.transport().getWriteBufferSize());
            lastDrain = writer.drain();
            lastDrain.addDoneCallback(drained -> {
                if (drained.exception() != null) {
                    done.setException(drained.exception());
                } else {
                    next();
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aClientThatNeverReadsBlocksDrainAndKeepsMemoryBounded(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Future<StreamWriter> accepted = t.loop.createFuture();
            Server server = t.call(() -> AsyncIO.startServer((r, w) -> {
                accepted.setResult(w);
                return Task.completed();
            }, "127.0.0.1", 0));
            Streams s = t.call(() -> AsyncIO.openConnection("127.0.0.1", server.port()));
            // More than the kernel's buffers can hold (tcp_rmem max + tcp_wmem max is 36 MiB here), so
            // the writer cannot finish unless the client reads.
            DrainingWriter flood = new DrainingWriter(t.run(accepted), 64 * 1024 * 1024, t.loop);
            flood.next();
            // Once the kernel's buffers are full, both states hold for good: the client's reader has
            // paused its transport above twice its limit, and the server's drain waits.
            while (s.writer().transport().isReading() || flood.lastDrain.done()) {
                t.spin(1);
                assertFalse(flood.done.done(), "the writer was never held back");
            }
            assertTrue(flood.written < flood.total, "drain waits while the client does not read");
            assertTrue(flood.maxBuffered <= 64 * 1024 + DrainingWriter.CHUNK, "bounded: " + flood.maxBuffered);

            byte[] got = t.run(s.reader().readexactly(flood.total));
            for (int i = 0; i < got.length; i++) {
                if (got[i] != (byte) i) {
                    throw new AssertionError("byte " + i + " is " + got[i]);
                }
            }
            t.run(flood.done);
            assertTrue(flood.maxBuffered <= 64 * 1024 + DrainingWriter.CHUNK, "bounded: " + flood.maxBuffered);
            s.writer().transport().abort();
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aResetPeerFailsReadsDrainAndWaitClosed(LoopType type) throws Exception {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Future<Streams> accepted = t.loop.createFuture();
            Server server = t.call(() -> AsyncIO.startServer((r, w) -> {
                accepted.setResult(new Streams(r, w));
                return Task.completed();
            }, "127.0.0.1", 0));
            Streams serverSide;
            Future<byte[]> pending;
            try (java.net.Socket peer = new java.net.Socket("127.0.0.1", server.port())) {
                serverSide = t.run(accepted);
                pending = serverSide.reader().read(100);
                // SO_LINGER 0 makes close() send RST instead of FIN.
                peer.setSoLinger(true, 0);
            }
            ConnectionException reset = assertThrows(ConnectionException.class, () -> t.run(pending));
            assertInstanceOf(org.jasyncio.ConnectionResetException.class, reset);
            assertThrows(org.jasyncio.ConnectionResetException.class, () -> t.run(serverSide.writer().drain()));
            assertThrows(org.jasyncio.ConnectionResetException.class, () -> t.run(serverSide.writer().waitClosed()));
            t.run(closeAndWait(server));
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
            assertEquals(List.of("Unhandled exception in the clientConnected callback (client_connected_cb)"), reports);
            s.writer().close();
            server.close();
            t.run(server.waitClosed());
        }
    }
}
