package org.jasyncio.net;

import static org.jasyncio.net.Payloads.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.net.StandardSocketOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jasyncio.AsyncIO;
import org.jasyncio.ClientConnected;
import org.jasyncio.ConnectionException;
import org.jasyncio.ConnectionOptions;
import org.jasyncio.ConnectionResetException;
import org.jasyncio.Future;
import org.jasyncio.IncompleteReadException;
import org.jasyncio.LimitOverrunException;
import org.jasyncio.SelectorEventLoop;
import org.jasyncio.Server;
import org.jasyncio.ServerOptions;
import org.jasyncio.StreamReader;
import org.jasyncio.StreamWriter;
import org.jasyncio.Streams;
import org.jasyncio.Task;
import org.jasyncio.Transport;
import org.jasyncio.sync.LoopFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CPython's {@code Lib/test/test_asyncio/test_streams.py}, each test named after the CPython test it
 * ports ({@code docs/conformance.md} lists all). The tests of a lone {@link StreamReader} fed by hand are
 * in {@link Reader} (virtual time); those over connections run on real localhost sockets, on both loop
 * types (Unix sockets on the selector loop only, as asyncio's proactor has none). CPython's
 * {@code run_test_server} is {@link HttpTestServer}, a streams server on the same loop.
 */
class StreamsConformanceTest {

    private static final byte[] DATA = bytes("line1\nline2\nline3\n");
    private static final byte[] REQUEST = bytes("GET / HTTP/1.0\r\n\r\n");

    static List<LoopType> loops() {
        return LoopType.all();
    }

    @TempDir
    Path directory;

    /**
     * The tests of a {@link StreamReader} the test feeds itself; {@code stream._buffer} is read through
     * the reader's repr, which shows the bytes it holds, and through the next read.
     */
    @Nested
    class Reader extends LoopFixture {

        private <T> T await(Future<T> future) {
            return loop.runUntilComplete(future);
        }

        /** Asserts that {@code stream} holds exactly {@code expected}, taking it out. */
        private void assertBuffer(byte[] expected, StreamReader stream) {
            String repr = stream.toString();
            if (expected.length == 0) {
                assertFalse(repr.contains(" bytes"), repr);
                return;
            }
            assertTrue(repr.contains(" " + expected.length + " bytes"), repr);
            assertArrayEquals(expected, await(stream.read(expected.length)));
        }

        @Test
        void testFeedEmptyData() {
            StreamReader stream = new StreamReader();
            stream.feedData(new byte[0]);
            assertBuffer(new byte[0], stream);
        }

        @Test
        void testFeedNonemptyData() {
            StreamReader stream = new StreamReader();
            stream.feedData(DATA);
            assertBuffer(DATA, stream);
        }

        @Test
        void testReadZero() {
            StreamReader stream = new StreamReader();
            stream.feedData(DATA);
            assertArrayEquals(new byte[0], await(stream.read(0)));
            assertBuffer(DATA, stream);
        }

        @Test
        void testRead() {
            StreamReader stream = new StreamReader();
            Future<byte[]> read = stream.read(30);
            loop.callSoon(() -> stream.feedData(DATA));
            assertArrayEquals(DATA, await(read));
            assertBuffer(new byte[0], stream);
        }

        @Test
        void testReadLineBreaks() {
            StreamReader stream = new StreamReader();
            stream.feedData(bytes("line1"));
            stream.feedData(bytes("line2"));
            assertArrayEquals(bytes("line1"), await(stream.read(5)));
            assertBuffer(bytes("line2"), stream);
        }

        @Test
        void testReadEof() {
            StreamReader stream = new StreamReader();
            Future<byte[]> read = stream.read(1024);
            loop.callSoon(stream::feedEof);
            assertArrayEquals(new byte[0], await(read));
            assertBuffer(new byte[0], stream);
        }

        @Test
        void testReadUntilEof() {
            StreamReader stream = new StreamReader();
            Future<byte[]> read = stream.read(-1);
            loop.callSoon(() -> {
                stream.feedData(bytes("chunk1\n"));
                stream.feedData(bytes("chunk2"));
                stream.feedEof();
            });
            assertArrayEquals(bytes("chunk1\nchunk2"), await(read));
            assertBuffer(new byte[0], stream);
        }

        @Test
        void testReadException() {
            StreamReader stream = new StreamReader();
            stream.feedData(bytes("line\n"));
            assertArrayEquals(bytes("li"), await(stream.read(2)));
            stream.setException(new IllegalArgumentException());
            assertThrows(IllegalArgumentException.class, () -> await(stream.read(2)));
        }

        @Test
        void testInvalidLimit() {
            IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new StreamReader(0, loop));
            assertTrue(zero.getMessage().contains("imit"), zero.getMessage());
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> new StreamReader(-1, loop));
            assertTrue(negative.getMessage().contains("imit"), negative.getMessage());
        }

        @Test
        void testReadLimit() {
            StreamReader stream = new StreamReader(3, loop);
            stream.feedData(bytes("chunk"));
            assertArrayEquals(bytes("chunk"), await(stream.read(5)));
            assertBuffer(new byte[0], stream);
        }

        @Test
        void testReadline() {
            StreamReader stream = new StreamReader();
            stream.feedData(bytes("chunk1 "));
            Future<byte[]> read = stream.readline();
            loop.callSoon(() -> {
                stream.feedData(bytes("chunk2 "));
                stream.feedData(bytes("chunk3 "));
                stream.feedData(bytes("\n chunk4"));
            });
            assertArrayEquals(bytes("chunk1 chunk2 chunk3 \n"), await(read));
            assertBuffer(bytes(" chunk4"), stream);
        }

        @Test
        void testReadlineLimitWithExistingData() {
            StreamReader stream = new StreamReader(3, loop);
            stream.feedData(bytes("li"));
            stream.feedData(bytes("ne1\nline2\n"));
            assertThrows(LimitOverrunException.class, () -> await(stream.readline()));
            assertBuffer(bytes("line2\n"), stream);

            StreamReader second = new StreamReader(3, loop);
            second.feedData(bytes("li"));
            second.feedData(bytes("ne1"));
            second.feedData(bytes("li"));
            assertThrows(LimitOverrunException.class, () -> await(second.readline()));
            assertBuffer(new byte[0], second);
        }

        @Test
        void testAtEof() {
            StreamReader stream = new StreamReader();
            assertFalse(stream.atEof());
            stream.feedData(bytes("some data\n"));
            assertFalse(stream.atEof());
            await(stream.readline());
            assertFalse(stream.atEof());
            stream.feedData(bytes("some data\n"));
            stream.feedEof();
            await(stream.readline());
            assertTrue(stream.atEof());
        }

        @Test
        void testReadlineLimit() {
            StreamReader first = new StreamReader(7, loop);
            loop.callSoon(() -> {
                first.feedData(bytes("chunk1"));
                first.feedData(bytes("chunk2"));
                first.feedData(bytes("chunk3\n"));
                first.feedEof();
            });
            assertThrows(LimitOverrunException.class, () -> await(first.readline()));
            assertBuffer(new byte[0], first);

            StreamReader second = new StreamReader(7, loop);
            loop.callSoon(() -> {
                second.feedData(bytes("chunk1"));
                second.feedData(bytes("chunk2\n"));
                second.feedData(bytes("chunk3\n"));
                second.feedEof();
            });
            assertThrows(LimitOverrunException.class, () -> await(second.readline()));
            assertBuffer(bytes("chunk3\n"), second);

            StreamReader strict = new StreamReader(7, loop);
            strict.feedData(bytes("1234567\n"));
            assertArrayEquals(bytes("1234567\n"), await(strict.readline()));
            assertBuffer(new byte[0], strict);
            strict.feedData(bytes("12345678\n"));
            assertThrows(LimitOverrunException.class, () -> await(strict.readline()));
            assertBuffer(new byte[0], strict);
            strict.feedData(bytes("12345678"));
            assertThrows(LimitOverrunException.class, () -> await(strict.readline()));
            assertBuffer(new byte[0], strict);
        }

        @Test
        void testReadlineNolimitNowait() {
            StreamReader stream = new StreamReader();
            stream.feedData(Arrays.copyOfRange(DATA, 0, 6));
            stream.feedData(Arrays.copyOfRange(DATA, 6, DATA.length));
            assertArrayEquals(bytes("line1\n"), await(stream.readline()));
            assertBuffer(bytes("line2\nline3\n"), stream);
        }

        @Test
        void testReadlineEof() {
            StreamReader stream = new StreamReader();
            stream.feedData(bytes("some data"));
            stream.feedEof();
            assertArrayEquals(bytes("some data"), await(stream.readline()));
        }

        @Test
        void testReadlineEmptyEof() {
            StreamReader stream = new StreamReader();
            stream.feedEof();
            assertArrayEquals(new byte[0], await(stream.readline()));
        }

        @Test
        void testReadlineReadByteCount() {
            StreamReader stream = new StreamReader();
            stream.feedData(DATA);
            await(stream.readline());
            assertArrayEquals(bytes("line2\nl"), await(stream.read(7)));
            assertBuffer(bytes("ine3\n"), stream);
        }

        @Test
        void testReadlineException() {
            StreamReader stream = new StreamReader();
            stream.feedData(bytes("line\n"));
            assertArrayEquals(bytes("line\n"), await(stream.readline()));
            stream.setException(new IllegalArgumentException());
            assertThrows(IllegalArgumentException.class, () -> await(stream.readline()));
            assertFalse(stream.toString().contains(" bytes"), stream.toString());
        }

        @Test
        void testReaduntilSeparator() {
            StreamReader stream = new StreamReader();
            IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> stream.readuntil(new byte[0]));
            assertTrue(empty.getMessage().startsWith("Separator should be"), empty.getMessage());
        }

        @Test
        void testReaduntilMultiChunks() {
            StreamReader stream = new StreamReader();
            stream.feedData(bytes("lineAAA"));
            assertArrayEquals(bytes("lineAAA"), await(stream.readuntil(bytes("AAA"))));
            assertBuffer(new byte[0], stream);
            stream.feedData(bytes("lineAAA"));
            assertArrayEquals(bytes("lineAAA"), await(stream.readuntil(bytes("AAA"))));
            assertBuffer(new byte[0], stream);
            stream.feedData(bytes("lineAAAxxx"));
            assertArrayEquals(bytes("lineAAA"), await(stream.readuntil(bytes("AAA"))));
            assertBuffer(bytes("xxx"), stream);
        }

        @Test
        void testReaduntilMultiChunks1() {
            StreamReader stream = new StreamReader();
            String[][] feeds = {
                {"QWEaa", "XYaa", "a"}, {"QWEaa", "XYa", "aa"}, {"aaa"}, {"Xaaa"}, {"XXX", "a", "a", "a"},
            };
            String[] expected = {"QWEaaXYaaa", "QWEaaXYaaa", "aaa", "Xaaa", "XXXaaa"};
            for (int i = 0; i < feeds.length; i++) {
                for (String chunk : feeds[i]) {
                    stream.feedData(bytes(chunk));
                }
                assertArrayEquals(bytes(expected[i]), await(stream.readuntil(bytes("aaa"))));
                assertBuffer(new byte[0], stream);
            }
        }

        @Test
        void testReaduntilEof() {
            StreamReader stream = new StreamReader();
            byte[] data = bytes("some dataAA");
            stream.feedData(data);
            stream.feedEof();
            IncompleteReadException e = assertThrows(IncompleteReadException.class,
                    () -> await(stream.readuntil(bytes("AAA"))));
            assertTrue(e.getMessage().contains("undefined expected bytes"), e.getMessage());
            assertArrayEquals(data, e.partial());
            assertNull(e.expected());
            assertBuffer(new byte[0], stream);
        }

        @Test
        void testReaduntilLimitFoundSep() {
            StreamReader stream = new StreamReader(3, loop);
            stream.feedData(bytes("some dataAA"));
            LimitOverrunException notFound = assertThrows(LimitOverrunException.class,
                    () -> await(stream.readuntil(bytes("AAA"))));
            assertTrue(notFound.getMessage().contains("not found"), notFound.getMessage());
            assertTrue(stream.toString().contains(" 11 bytes"), stream.toString());

            stream.feedData(bytes("A"));
            LimitOverrunException found = assertThrows(LimitOverrunException.class,
                    () -> await(stream.readuntil(bytes("AAA"))));
            assertTrue(found.getMessage().contains("is found"), found.getMessage());
            assertBuffer(bytes("some dataAAA"), stream);
        }

        @Test
        void testReadexactlyZeroOrLess() {
            StreamReader stream = new StreamReader();
            stream.feedData(DATA);
            assertArrayEquals(new byte[0], await(stream.readexactly(0)));
            assertTrue(stream.toString().contains(" " + DATA.length + " bytes"), stream.toString());
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> stream.readexactly(-1));
            assertTrue(negative.getMessage().contains("less than zero"), negative.getMessage());
            assertBuffer(DATA, stream);
        }

        @Test
        void testReadexactly() {
            StreamReader stream = new StreamReader();
            Future<byte[]> read = stream.readexactly(2 * DATA.length);
            loop.callSoon(() -> {
                stream.feedData(DATA);
                stream.feedData(DATA);
                stream.feedData(DATA);
            });
            byte[] twice = new byte[2 * DATA.length];
            System.arraycopy(DATA, 0, twice, 0, DATA.length);
            System.arraycopy(DATA, 0, twice, DATA.length, DATA.length);
            assertArrayEquals(twice, await(read));
            assertBuffer(DATA, stream);
        }

        @Test
        void testReadexactlyLimit() {
            StreamReader stream = new StreamReader(3, loop);
            stream.feedData(bytes("chunk"));
            assertArrayEquals(bytes("chunk"), await(stream.readexactly(5)));
            assertBuffer(new byte[0], stream);
        }

        @Test
        void testReadexactlyEof() {
            StreamReader stream = new StreamReader();
            int n = 2 * DATA.length;
            Future<byte[]> read = stream.readexactly(n);
            loop.callSoon(() -> {
                stream.feedData(DATA);
                stream.feedEof();
            });
            IncompleteReadException e = assertThrows(IncompleteReadException.class, () -> await(read));
            assertArrayEquals(DATA, e.partial());
            assertEquals(n, e.expected());
            assertEquals("18 bytes read on a total of 36 expected bytes", e.getMessage());
            assertBuffer(new byte[0], stream);
        }

        @Test
        void testReadexactlyException() {
            StreamReader stream = new StreamReader();
            stream.feedData(bytes("line\n"));
            assertArrayEquals(bytes("li"), await(stream.readexactly(2)));
            stream.setException(new IllegalArgumentException());
            assertThrows(IllegalArgumentException.class, () -> await(stream.readexactly(2)));
        }

        @Test
        void testException() {
            StreamReader stream = new StreamReader();
            assertNull(stream.exception());
            IllegalArgumentException exc = new IllegalArgumentException();
            stream.setException(exc);
            assertSame(exc, stream.exception());
        }

        @Test
        void testExceptionWaiter() {
            StreamReader stream = new StreamReader();
            Task<Object> t1 = task(stream::readline, v -> { });
            Task<Object> t2 = task(() -> {
                stream.setException(new IllegalArgumentException());
                return Task.completed(null);
            }, v -> { });
            await(AsyncIO.wait(List.of(t1, t2)));
            assertThrows(IllegalArgumentException.class, t1::result);
        }

        @Test
        void testExceptionCancel() {
            StreamReader stream = new StreamReader();
            Task<Object> t = task(stream::readline, v -> { });
            spin(1);
            t.cancel();
            spin(1);
            // The following line fails if setException() isn't careful.
            stream.setException(new IllegalStateException("message"));
            spin(1);
            assertFalse(stream.toString().contains("waiter"), stream.toString());
            assertTrue(t.cancelled());
        }

        @Test
        void testStreamreaderConstructorWithoutLoop() {
            AsyncIO.setEventLoop(null);
            RuntimeException none = assertThrows(RuntimeException.class, StreamReader::new);
            assertTrue(none.getMessage().contains("no current event loop"), none.getMessage());
        }

        @Test
        void testStreamreaderConstructorUseRunningLoop() {
            AsyncIO.setEventLoop(null);
            Future<StreamReader> made = loop.createFuture();
            loop.callSoon(() -> made.setResult(new StreamReader()));
            StreamReader reader = await(made);
            assertSame(loop, reader.read(0).getLoop());
        }

        @Test
        void testStreamreaderConstructorUseGlobalLoop() {
            AsyncIO.setEventLoop(loop);
            assertSame(loop, new StreamReader().read(0).getLoop());
        }

        @Test
        void testRepr() {
            assertEquals("<StreamReader>", new StreamReader().toString());
        }

        @Test
        void testReprNondefaultLimit() {
            assertEquals("<StreamReader limit=123>", new StreamReader(123, loop).toString());
        }

        @Test
        void testReprEof() {
            StreamReader stream = new StreamReader();
            stream.feedEof();
            assertEquals("<StreamReader eof>", stream.toString());
        }

        @Test
        void testReprData() {
            StreamReader stream = new StreamReader();
            stream.feedData(bytes("data"));
            assertEquals("<StreamReader 4 bytes>", stream.toString());
        }

        @Test
        void testReprException() {
            StreamReader stream = new StreamReader();
            stream.setException(new IllegalStateException());
            assertEquals("<StreamReader exception=java.lang.IllegalStateException>", stream.toString());
        }

        @Test
        void testReprWaiter() {
            StreamReader stream = new StreamReader();
            Future<byte[]> waiter = stream.read(1);
            assertTrue(stream.toString().matches("<StreamReader waiter=<Future pending[\\S ]*>>"), stream.toString());
            stream.feedData(bytes("x"));
            await(waiter);
            assertEquals("<StreamReader>", stream.toString());
        }

        @Test
        void testReprTransport() {
            StreamReader stream = new StreamReader();
            stream.setTransport((Transport) Proxy.newProxyInstance(Transport.class.getClassLoader(),
                    new Class<?>[] {Transport.class}, (proxy, method, args) ->
                            method.getName().equals("toString") ? "<Transport>" : null));
            assertEquals("<StreamReader transport=<Transport>>", stream.toString());
        }

        @Test
        void testIncompleteReadErrorPickleable() throws Exception {
            IncompleteReadException e = new IncompleteReadException(bytes("abc"), 10);
            IncompleteReadException e2 = roundTrip(e);
            assertEquals(e.getMessage(), e2.getMessage());
            assertArrayEquals(e.partial(), e2.partial());
            assertEquals(e.expected(), e2.expected());
        }

        @Test
        void testLimitOverrunErrorPickleable() throws Exception {
            LimitOverrunException e = new LimitOverrunException("message", 10);
            LimitOverrunException e2 = roundTrip(e);
            assertEquals(e.getMessage(), e2.getMessage());
            assertEquals(e.consumed(), e2.consumed());
        }

        /** Java serialization, Python's pickle. */
        @SuppressWarnings("unchecked")
        private <T extends Serializable> T roundTrip(T value) throws IOException, ClassNotFoundException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
                objects.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(out.toByteArray()))) {
                return (T) in.readObject();
            }
        }
    }

    // ---- over connections -----------------------------------------------------------------------

    /** {@code run_test_server()}: an {@link HttpTestServer} at 127.0.0.1 (or at a path), with {@code options}. */
    private static Server httpServer(LoopUnderTest t, ServerOptions options) {
        return t.startServer(HttpTestServer::handle, options);
    }

    private String socketPath(String name) {
        return directory.resolve(name).toString();
    }

    /** {@code _basetest_open_connection}. */
    private static void basetestOpenConnection(LoopUnderTest t, Supplier<Future<Streams>> open) {
        List<Map<String, Object>> messages = t.reports();
        Streams s = t.call(open);
        s.writer().write(REQUEST);
        assertArrayEquals(bytes("HTTP/1.0 200 OK\r\n"), t.run(s.reader().readline()));
        byte[] rest = t.run(s.reader().read(-1));
        assertTrue(new String(rest).endsWith("\r\n\r\nTest message"), new String(rest));
        s.writer().close();
        assertEquals(List.of(), messages);
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testOpenConnection(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server httpd = httpServer(t, ServerOptions.DEFAULTS);
            basetestOpenConnection(t, () -> AsyncIO.openConnection("127.0.0.1", httpd.port()));
            t.closeAndWait(httpd);
        }
    }

    @Test
    void testOpenUnixConnection() {
        String path = socketPath("http.sock");
        try (LoopUnderTest t = new LoopUnderTest(new LoopType("selector", SelectorEventLoop::new))) {
            Server httpd = t.call(() -> AsyncIO.startUnixServer(HttpTestServer::handle, path));
            basetestOpenConnection(t, () -> AsyncIO.openUnixConnection(path));
            t.closeAndWait(httpd);
        }
    }

    /** {@code _basetest_open_connection_no_loop_ssl}: the reads run with no current loop. */
    private static void basetestOpenConnectionNoLoopSsl(LoopUnderTest t, Supplier<Future<Streams>> open) {
        List<Map<String, Object>> messages = t.reports();
        Streams s;
        try {
            s = t.call(open);
        } finally {
            AsyncIO.setEventLoop(null);
        }
        s.writer().write(REQUEST);
        byte[] all = t.loop.runUntilComplete(s.reader().read(-1));
        assertTrue(new String(all).endsWith("\r\n\r\nTest message"), new String(all));
        s.writer().close();
        assertEquals(List.of(), messages);
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testOpenConnectionNoLoopSsl(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server httpd = httpServer(t, ServerOptions.DEFAULTS.withSsl(TlsContexts.server()));
            basetestOpenConnectionNoLoopSsl(t, () -> AsyncIO.openConnection("127.0.0.1", httpd.port(),
                    ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client())));
            httpd.close();
            t.loop.runUntilComplete(httpd.waitClosed());
        }
    }

    @Test
    void testOpenUnixConnectionNoLoopSsl() {
        String path = socketPath("https.sock");
        try (LoopUnderTest t = new LoopUnderTest(new LoopType("selector", SelectorEventLoop::new))) {
            Server httpd = t.call(() -> AsyncIO.startUnixServer(HttpTestServer::handle, path,
                    ServerOptions.DEFAULTS.withSsl(TlsContexts.server())));
            basetestOpenConnectionNoLoopSsl(t, () -> AsyncIO.openUnixConnection(path,
                    ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client()).withServerHostname("localhost")));
            httpd.close();
            t.loop.runUntilComplete(httpd.waitClosed());
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testOpenConnectionError(LoopType type) throws IOException {
        ThreadedServer.Prog reset = peer -> {
            peer.getInputStream().read();
            peer.setSoLinger(true, 0);
        };
        try (LoopUnderTest t = new LoopUnderTest(type); ThreadedServer srv = new ThreadedServer(t.loop, reset)) {
            List<Map<String, Object>> messages = t.reports();
            Streams s = t.call(() -> AsyncIO.openConnection("127.0.0.1", srv.port()));
            s.writer().write(bytes("x"));
            t.run(srv.done);
            assertThrows(ConnectionResetException.class, () -> t.run(s.reader().read(-1)));
            s.writer().close();
            t.spin(1);
            assertEquals(List.of(), messages);
        }
    }

    @Test
    void testOpenUnixConnectionError() throws IOException {
        String path = socketPath("reset.sock");
        try (LoopUnderTest t = new LoopUnderTest(new LoopType("selector", SelectorEventLoop::new))) {
            List<Map<String, Object>> messages = t.reports();
            Future<StreamWriter> serverSide = t.loop.createFuture();
            Server server = t.call(() -> AsyncIO.startUnixServer((r, w) -> {
                w.transport().pauseReading();
                serverSide.setResult(w);
                return Task.completed();
            }, path));
            Streams s = t.call(() -> AsyncIO.openUnixConnection(path));
            StreamWriter peer = t.run(serverSide);
            // A Unix socket closed with bytes it never read resets its peer, as SO_LINGER 0 does over TCP.
            s.writer().write(bytes("x"));
            peer.transport().abort();
            Throwable failure = assertThrows(Throwable.class, () -> t.run(s.reader().read(-1)));
            assertInstanceOf(ConnectionResetException.class, failure, "an aborted Unix peer resets the stream");
            s.writer().close();
            t.closeAndWait(server);
            assertEquals(List.of(), messages);
        }
    }

    /** {@code MyServer.handle_client}: echoes one line, drains, closes and waits until closed. */
    private static Task<Void> echoLine(StreamReader reader, StreamWriter writer) {
        reader.readline().addDoneCallback(line -> {
            if (line.exception() != null) {
                writer.close();
                return;
            }
            writer.write(line.result());
            writer.drain().addDoneCallback(drained -> writer.close());
        });
        return Task.completed();
    }

    /** {@code client(addr)}: sends a line, reads it back, closes and waits until closed. */
    private static byte[] helloClient(LoopUnderTest t, Supplier<Future<Streams>> open) {
        Streams s = t.call(open);
        s.writer().write(bytes("hello world!\n"));
        byte[] back = t.run(s.reader().readline());
        s.writer().close();
        t.run(s.writer().waitClosed());
        return back;
    }

    /** {@code MyServer}'s two ways to serve: the handler as a coroutine, and as a callback that starts one (a task of its own). */
    private static List<ClientConnected> echoHandlers(LoopUnderTest t) {
        return List.of(StreamsConformanceTest::echoLine, (r, w) -> {
            t.loop.createTask(() -> echoLine(r, w));
            return Task.completed();
        });
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testStartServer(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            List<Map<String, Object>> messages = t.reports();
            for (ClientConnected handler : echoHandlers(t)) {
                Server server = t.startServer(handler, ServerOptions.DEFAULTS);
                byte[] back = helloClient(t, () -> AsyncIO.openConnection("127.0.0.1", server.port()));
                t.closeAndWait(server);
                assertArrayEquals(bytes("hello world!\n"), back);
            }
            assertEquals(List.of(), messages);
        }
    }

    @Test
    void testStartUnixServer() {
        try (LoopUnderTest t = new LoopUnderTest(new LoopType("selector", SelectorEventLoop::new))) {
            List<Map<String, Object>> messages = t.reports();
            List<ClientConnected> handlers = echoHandlers(t);
            for (int i = 0; i < handlers.size(); i++) {
                String path = socketPath("echo" + i + ".sock");
                ClientConnected handler = handlers.get(i);
                Server server = t.call(() -> AsyncIO.startUnixServer(handler, path));
                byte[] back = helloClient(t, () -> AsyncIO.openUnixConnection(path));
                t.closeAndWait(server);
                assertArrayEquals(bytes("hello world!\n"), back);
            }
            assertEquals(List.of(), messages);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testStartTls(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            List<Map<String, Object>> messages = t.reports();
            Future<Void> handled = t.loop.createFuture();
            List<String> serverChecks = new ArrayList<>();
            Server server = t.startServer((reader, writer) -> {
                reader.readline().addDoneCallback(line1 -> {
                    writer.write(line1.result());
                    serverChecks.add("plain sslcontext " + writer.getExtraInfo("sslcontext"));
                    writer.startTls(TlsContexts.server()).addDoneCallback(upgraded -> {
                        serverChecks.add("tls sslcontext " + (writer.getExtraInfo("sslcontext") != null));
                        reader.readline().addDoneCallback(line2 -> {
                            writer.write(line2.result());
                            writer.drain().addDoneCallback(drained -> {
                                writer.close();
                                writer.waitClosed().addDoneCallback(closed -> handled.setResult(null));
                            });
                        });
                    });
                });
                return Task.completed();
            }, ServerOptions.DEFAULTS);

            Streams s = t.openConnection(server.port(), ConnectionOptions.DEFAULTS);
            s.writer().write(bytes("hello world 1!\n"));
            t.run(s.writer().drain());
            byte[] msgback1 = t.run(s.reader().readline());
            assertNull(s.writer().getExtraInfo("sslcontext"));
            t.run(s.writer().startTls(TlsContexts.client()));
            assertTrue(s.writer().getExtraInfo("sslcontext") != null);
            s.writer().write(bytes("hello world 2!\n"));
            t.run(s.writer().drain());
            byte[] msgback2 = t.run(s.reader().readline());
            s.writer().close();
            t.run(s.writer().waitClosed());
            t.run(handled);
            t.closeAndWait(server);

            assertEquals(List.of(), messages);
            assertEquals(List.of("plain sslcontext null", "tls sslcontext true"), serverChecks);
            assertArrayEquals(bytes("hello world 1!\n"), msgback1);
            assertArrayEquals(bytes("hello world 2!\n"), msgback2);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testMultipleDrain(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Future<Streams> serverSide = t.loop.createFuture();
            Server server = t.startServer((r, w) -> {
                KernelBuffers.shrink(w.transport(), StandardSocketOptions.SO_RCVBUF);
                serverSide.setResult(new Streams(r, w));
                return Task.completed();
            }, ServerOptions.DEFAULTS);
            Streams s = t.openConnection(server.port(), ConnectionOptions.DEFAULTS);
            KernelBuffers.shrink(s.writer().transport(), StandardSocketOptions.SO_SNDBUF);
            StreamReader peer = t.run(serverSide).reader();
            int total = 4 * 1024 * 1024;
            s.writer().write(new byte[total]);
            List<Future<Void>> drains = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                drains.add(s.writer().drain());
            }
            t.spin(1);
            assertEquals(10, drains.stream().filter(d -> !d.done()).count(), "every drain waits while the peer does not read");
            assertEquals(total, t.run(peer.readexactly(total)).length);
            for (Future<Void> drain : drains) {
                assertNull(t.run(drain));
            }
            s.writer().close();
            t.run(s.writer().waitClosed());
            t.run(serverSide).writer().close();
            t.closeAndWait(server);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testDrainRaises(LoopType type) throws IOException {
        // the server closes the connection at once
        try (LoopUnderTest t = new LoopUnderTest(type); ThreadedServer srv = new ThreadedServer(t.loop, peer -> { })) {
            List<Map<String, Object>> messages = t.reports();
            Streams s = t.openConnection(srv.port(), ConnectionOptions.DEFAULTS);
            Future<Void> client = t.loop.createFuture();
            writeUntilFailure(s.writer(), client);
            // Should not be stuck in an infinite loop.
            assertThrows(ConnectionException.class, () -> t.run(client));
            t.run(srv.done);
            assertEquals(List.of(), messages);
        }
    }

    /** {@code while True: writer.write(b"foo\n"); await writer.drain()}, ending {@code outcome} with the failure. */
    private static void writeUntilFailure(StreamWriter writer, Future<Void> outcome) {
        writer.write(bytes("foo\n"));
        writer.drain().addDoneCallback(drained -> {
            if (drained.exception() != null) {
                outcome.setException(drained.exception());
            } else {
                writeUntilFailure(writer, outcome);
            }
        });
    }

    /** Sends the request, reads the status line and the rest, as the writer tests below begin. */
    private static Streams requestAndRead(LoopUnderTest t, Server httpd, boolean readAll) {
        Streams s = t.openConnection(httpd.port(), ConnectionOptions.DEFAULTS);
        s.writer().write(REQUEST);
        assertArrayEquals(bytes("HTTP/1.0 200 OK\r\n"), t.run(s.reader().readline()));
        if (readAll) {
            byte[] rest = t.run(s.reader().read(-1));
            assertTrue(new String(rest).endsWith("\r\n\r\nTest message"), new String(rest));
        }
        return s;
    }

    /**
     * {@code with run_test_server() as httpd:} on a fresh loop of {@code type}: runs {@code exchange}
     * against the server, then closes it and waits until it and its connections are gone. Returns what the
     * loop reported to its exception handler meanwhile, for the tests that check it.
     */
    private static List<Map<String, Object>> withHttpServer(LoopType type, BiConsumer<LoopUnderTest, Server> exchange) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            List<Map<String, Object>> messages = t.reports();
            Server httpd = httpServer(t, ServerOptions.DEFAULTS);
            exchange.accept(t, httpd);
            t.closeAndWait(httpd);
            return messages;
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testWaitClosedOnClose(LoopType type) {
        withHttpServer(type, (t, httpd) -> {
            Streams s = requestAndRead(t, httpd, true);
            assertFalse(s.writer().isClosing());
            s.writer().close();
            assertTrue(s.writer().isClosing());
            assertNull(t.run(s.writer().waitClosed()));
        });
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testWaitClosedOnCloseWithUnreadData(LoopType type) {
        withHttpServer(type, (t, httpd) -> {
            Streams s = requestAndRead(t, httpd, false);
            s.writer().close();
            assertNull(t.run(s.writer().waitClosed()));
        });
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testAsyncWriterApi(LoopType type) {
        assertEquals(List.of(), withHttpServer(type, (t, httpd) -> {
            Streams s = requestAndRead(t, httpd, true);
            s.writer().close();
            assertNull(t.run(s.writer().waitClosed()));
        }));
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testAsyncWriterApiExceptionAfterClose(LoopType type) {
        assertEquals(List.of(), withHttpServer(type, (t, httpd) -> {
            Streams s = requestAndRead(t, httpd, true);
            s.writer().close();
            assertThrows(ConnectionResetException.class, () -> {
                s.writer().write(bytes("data"));
                t.run(s.writer().drain());
            });
        }));
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testEofFeedWhenClosingWriter(LoopType type) {
        assertEquals(List.of(), withHttpServer(type, (t, httpd) -> {
            Streams s = t.openConnection(httpd.port(), ConnectionOptions.DEFAULTS);
            s.writer().close();
            t.run(s.writer().waitClosed());
            assertTrue(s.reader().atEof());
            assertArrayEquals(new byte[0], t.run(s.reader().read(-1)));
        }));
    }
}
