package org.jasyncio.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.ClientConnected;
import org.jasyncio.ConnectionOptions;
import org.jasyncio.Future;
import org.jasyncio.SelectorEventLoop;
import org.jasyncio.Server;
import org.jasyncio.ServerOptions;
import org.jasyncio.StreamReader;
import org.jasyncio.StreamWriter;
import org.jasyncio.Streams;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CPython's {@code Lib/test/test_asyncio/test_server.py}, each test named after the CPython test it ports
 * ({@code docs/conformance.md} lists all), on real localhost sockets and both loop types (Unix sockets on the
 * selector loop only). CPython's {@code await asyncio.sleep(0)} is {@code spin(1)}.
 */
class ServerConformanceTest {

    private static final LoopType SELECTOR = new LoopType("selector", SelectorEventLoop::new);
    private static final byte[] HELLO_MSG = helloMsg();

    static List<LoopType> loops() {
        return LoopType.all();
    }

    @TempDir
    Path directory;

    private static byte[] helloMsg() {
        byte[] hello = new byte[1024 * 5 + 1];
        Arrays.fill(hello, (byte) '1');
        hello[hello.length - 1] = '\n';
        return hello;
    }

    /**
     * {@code serve(reader, writer)} of {@code test_start_server_1}: reads a line, cancels the main task
     * ({@code serveForever}'s future), answers "1", closes.
     */
    private static ClientConnected cancellingMain(Future<?>[] mainTask) {
        return (reader, writer) -> {
            reader.readline().addDoneCallback(line -> {
                mainTask[0].cancel();
                writer.write(new byte[] {'1'});
                writer.close();
            });
            return Task.completed();
        };
    }

    /** The blocking client: connects, sends HELLO_MSG, receives one byte, closes. */
    private static Future<Integer> client(LoopUnderTest t, SocketAddress addr) {
        return t.loop.runInExecutor(null, () -> {
            try (SocketChannel sock = SocketChannel.open(addr)) {
                OutputStream out = Channels.newOutputStream(sock);
                out.write(HELLO_MSG);
                InputStream in = Channels.newInputStream(sock);
                return in.read();
            }
        });
    }

    /** The rest of {@code test_start_server_1} once the main task ends: the server is closed for good. */
    private static void assertClosedForGood(LoopUnderTest t, Server srv, Future<Void> mainTask, Future<Integer> answer) {
        assertThrows(CancelledException.class, () -> t.loop.runUntilComplete(mainTask));
        // async with srv: closed, and waited for
        t.run(srv.waitClosed());
        assertEquals('1', t.run(answer));
        assertEquals(List.of(), srv.sockets());
        assertFalse(srv.isServing());
        IllegalStateException closed = assertThrows(IllegalStateException.class, srv::serveForever);
        assertTrue(closed.getMessage().contains("is closed"), closed.getMessage());
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testStartServer1(LoopType type) throws IOException {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Future<?>[] mainTask = new Future<?>[1];
            Server srv = t.call(() -> AsyncIO.startServer(cancellingMain(mainTask), "127.0.0.1", 0,
                    ServerOptions.DEFAULTS.withStartServing(false)));
            assertFalse(srv.isServing());
            SocketAddress addr = srv.sockets().get(0).getLocalAddress();
            Future<Void> main = srv.serveForever();
            mainTask[0] = main;
            assertTrue(srv.isServing());
            assertClosedForGood(t, srv, main, client(t, addr));
        }
    }

    @Test
    void testStartUnixServer1() {
        String addr = directory.resolve("serve.sock").toString();
        try (LoopUnderTest t = new LoopUnderTest(SELECTOR)) {
            Future<?>[] mainTask = new Future<?>[1];
            Server srv = t.call(() -> AsyncIO.startUnixServer(cancellingMain(mainTask), addr,
                    ServerOptions.DEFAULTS.withStartServing(false)));
            assertFalse(srv.isServing());
            t.run(srv.startServing());
            assertTrue(srv.isServing());
            Future<Void> main = srv.serveForever();
            mainTask[0] = main;
            assertClosedForGood(t, srv, main, client(t, UnixDomainSocketAddress.of(addr)));
        }
    }

    /** {@code serve(rd, wr)} of the TestServer2 tests: reads to the end, then closes. */
    private static Task<Void> readAllThenClose(StreamReader rd, StreamWriter wr) {
        rd.read(-1).addDoneCallback(all -> wr.close());
        return Task.completed();
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testWaitClosedBasic(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server srv = t.startServer(ServerConformanceTest::readAllThenClose, ServerOptions.DEFAULTS);

            // active count = 0, not closed: should block
            Future<Void> task1 = srv.waitClosed();
            t.spin(1);
            assertFalse(task1.done());

            // active count != 0, not closed: should block
            Streams client = t.openConnection(srv.port(), ConnectionOptions.DEFAULTS);
            t.runUntil(() -> srv.activeConnections() == 1);
            Future<Void> task2 = srv.waitClosed();
            t.spin(1);
            assertFalse(task1.done());
            assertFalse(task2.done());

            srv.close();
            t.spin(1);
            // active count != 0, closed: should block
            Future<Void> task3 = srv.waitClosed();
            t.spin(1);
            assertFalse(task1.done());
            assertFalse(task2.done());
            assertFalse(task3.done());

            client.writer().close();
            t.run(client.writer().waitClosed());
            // active count == 0, closed: should unblock
            t.run(task1);
            t.run(task2);
            t.run(task3);
            assertTrue(srv.waitClosed().done(), "returns immediately");
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testWaitClosedRace(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server srv = t.startServer(ServerConformanceTest::readAllThenClose, ServerOptions.DEFAULTS);
            Future<Void> task = srv.waitClosed();
            t.spin(1);
            assertFalse(task.done());
            Streams client = t.openConnection(srv.port(), ConnectionOptions.DEFAULTS);
            t.loop.callSoon(srv::close);
            t.loop.callSoon(client.writer()::close);
            assertNull(t.run(srv.waitClosed()));
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCloseClients(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server srv = t.startServer(ServerConformanceTest::readAllThenClose, ServerOptions.DEFAULTS);
            Streams client = t.openConnection(srv.port(), ConnectionOptions.DEFAULTS);
            t.runUntil(() -> srv.activeConnections() == 1);

            Future<Void> task = srv.waitClosed();
            t.spin(1);
            assertFalse(task.done());

            srv.close();
            srv.closeClients();
            t.spin(2);
            assertTrue(task.done());
            client.writer().close();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testAbortClients(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Future<Streams> fut = t.loop.createFuture();
            Server srv = t.startServer((rd, wr) -> {
                fut.setResult(new Streams(rd, wr));
                return Task.completed();
            }, ServerOptions.DEFAULTS);
            Streams c = t.call(() -> AsyncIO.openConnection("127.0.0.1", srv.port(), 4096));
            Streams s = t.run(fut);

            // Limit the socket buffers so we can more reliably overfill them
            KernelBuffers.shrink(s.writer().transport(), StandardSocketOptions.SO_SNDBUF);
            KernelBuffers.shrink(c.writer().transport(), StandardSocketOptions.SO_RCVBUF);

            // Get the reader in to a paused state by sending more than twice the configured limit
            for (int i = 0; i < 3; i++) {
                s.writer().write(new byte[4096]);
            }
            while (c.writer().transport().isReading()) {
                t.spin(1);
            }

            // Get the writer in a waiting state by sending data until the kernel stops accepting more
            for (int i = 0; i < 10 && s.writer().transport().getWriteBufferSize() == 0; i++) {
                s.writer().write(new byte[2 * KernelBuffers.SIZE]);
            }
            assertTrue(s.writer().transport().getWriteBufferSize() != 0);

            Future<Void> task = srv.waitClosed();
            t.spin(1);
            assertFalse(task.done());

            srv.close();
            srv.abortClients();
            t.spin(2);
            assertTrue(task.done());
            c.writer().close();
        }
    }

    /**
     * The server is closed right after a connection came in, before its handler ran (CPython places the
     * close between the accept and the handler through the selector's internals); the connection is closed
     * by its client (and so by the handler, which closes at the end of the stream: the server's side of a
     * stream stays open after an EOF, as asyncio's), and {@code waitClosed} completes with nothing reported.
     */
    @ParameterizedTest
    @MethodSource("loops")
    void testCloseRace(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            List<Map<String, Object>> reports = t.reports();
            Server srv = t.startServer(ServerConformanceTest::readAllThenClose, ServerOptions.DEFAULTS);
            Future<Streams> connTask = t.loop.createFuture();
            t.loop.callSoon(() -> AsyncIO.openConnection("127.0.0.1", srv.port())
                    .addDoneCallback(done -> org.jasyncio.internal.loop.FutureChain.copy(done, connTask)));
            t.runUntil(() -> srv.activeConnections() == 1 || connTask.done());
            srv.close();
            Streams conn = t.run(connTask);
            conn.writer().close();
            assertNull(t.run(srv.waitClosed()));
            assertEquals(List.of(), reports);
        }
    }

    // ---- UnixServerCleanupTests

    private static Task<Void> serveNothing(StreamReader rd, StreamWriter wr) {
        return Task.completed();
    }

    @Test
    void testUnixServerAddrCleanup() {
        Path addr = directory.resolve("cleanup.sock");
        try (LoopUnderTest t = new LoopUnderTest(SELECTOR)) {
            Server srv = t.call(() -> AsyncIO.startUnixServer(ServerConformanceTest::serveNothing, addr.toString()));
            srv.close();
            assertFalse(Files.exists(addr));
        }
    }

    /** Someone else has already cleaned up the socket (CPython's server is given a bound socket; this one a path). */
    @Test
    void testUnixServerCleanupGone() throws IOException {
        Path addr = directory.resolve("gone.sock");
        try (LoopUnderTest t = new LoopUnderTest(SELECTOR)) {
            List<Map<String, Object>> reports = t.reports();
            Server srv = t.call(() -> AsyncIO.startUnixServer(ServerConformanceTest::serveNothing, addr.toString()));
            Files.delete(addr);
            srv.close();
            t.run(srv.waitClosed());
            assertEquals(List.of(), reports);
        }
    }

    /** Someone else has replaced the socket with their own: closing the server leaves theirs alone. */
    @Test
    void testUnixServerCleanupReplaced() throws IOException {
        Path addr = directory.resolve("replaced.sock");
        try (LoopUnderTest t = new LoopUnderTest(SELECTOR)) {
            Server srv = t.call(() -> AsyncIO.startUnixServer(ServerConformanceTest::serveNothing, addr.toString()));
            Files.delete(addr);
            try (ServerSocketChannel sock = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                sock.bind(UnixDomainSocketAddress.of(addr));
                srv.close();
                assertTrue(Files.exists(addr));
            }
        }
    }
}
