package org.jasyncio.net;

import static org.jasyncio.net.Payloads.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jasyncio.AsyncIO;
import org.jasyncio.ConnectionRefusedException;
import org.jasyncio.Future;
import org.jasyncio.SelectorEventLoop;
import org.jasyncio.Server;
import org.jasyncio.ServerOptions;
import org.jasyncio.TimeoutException;
import org.jasyncio.internal.loop.FutureChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CPython's {@code Lib/test/test_asyncio/test_sock_lowlevel.py}, each test named after the CPython test it
 * ports ({@code docs/conformance.md} lists all), on real localhost sockets and both loop types (CPython
 * runs them once per selector kind and on the proactor). CPython's {@code run_test_server} is
 * {@link HttpTestServer}, served by the same loop.
 */
class SockLowlevelConformanceTest {

    private static final byte[] REQUEST = bytes("GET / HTTP/1.0\r\n\r\n");
    private static final LoopType SELECTOR = new LoopType("selector", SelectorEventLoop::new);

    static List<LoopType> loops() {
        return LoopType.all();
    }

    @TempDir
    Path directory;

    private static InetSocketAddress address(Server server) {
        return new InetSocketAddress("127.0.0.1", server.port());
    }

    private static boolean startsWith(byte[] data, String prefix) {
        return new String(data, StandardCharsets.ISO_8859_1).startsWith(prefix);
    }

    /**
     * {@code _basetest_sock_client_ops}: a blocking channel is refused by every call (CPython checks only in
     * debug mode and not on the proactor; jasyncio always); a non-blocking one connects, sends and receives.
     */
    private static void basetestSockClientOps(LoopUnderTest t, SocketAddress httpd, SocketChannel sock)
            throws IOException {
        t.loop.setDebug(true);
        sock.configureBlocking(true);
        try (ServerSocketChannel blockingListener = ServerSocketChannel.open()) {
            List<Runnable> calls = List.of(
                    () -> t.run(t.loop.sockConnect(sock, httpd)),
                    () -> t.run(t.loop.sockSendall(sock, REQUEST)),
                    () -> t.run(t.loop.sockRecv(sock, 1024)),
                    () -> t.run(t.loop.sockRecvInto(sock, ByteBuffer.allocate(0))),
                    () -> t.run(t.loop.sockAccept(blockingListener)));
            for (Runnable call : calls) {
                IllegalArgumentException blocking = assertThrows(IllegalArgumentException.class, call::run);
                assertTrue(blocking.getMessage().contains("must be non-blocking"), blocking.getMessage());
            }
        }
        t.loop.setDebug(false);

        sock.configureBlocking(false);
        t.run(t.loop.sockConnect(sock, httpd));
        t.run(t.loop.sockSendall(sock, REQUEST));
        byte[] data = t.run(t.loop.sockRecv(sock, 1024));
        t.run(t.loop.sockRecv(sock, 1024));
        sock.close();
        assertTrue(startsWith(data, "HTTP/1.0 200 OK"), new String(data));
    }

    /** {@code _basetest_sock_recv_into}. */
    private static void basetestSockRecvInto(LoopUnderTest t, SocketAddress httpd, SocketChannel sock)
            throws IOException {
        sock.configureBlocking(false);
        t.run(t.loop.sockConnect(sock, httpd));
        t.run(t.loop.sockSendall(sock, REQUEST));
        ByteBuffer data = ByteBuffer.allocate(1024);
        t.run(t.loop.sockRecvInto(sock, data));
        t.run(t.loop.sockRecvInto(sock, data));
        sock.close();
        assertTrue(startsWith(Arrays.copyOf(data.array(), data.position()), "HTTP/1.0 200 OK"));
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testSockClientOps(LoopType type) throws IOException {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server httpd = t.startServer(HttpTestServer::handle, ServerOptions.DEFAULTS);
            basetestSockClientOps(t, address(httpd), SocketChannel.open());
            basetestSockRecvInto(t, address(httpd), SocketChannel.open());
            t.closeAndWait(httpd);
        }
    }

    @Test
    void testUnixSockClientOps() throws IOException {
        String path = directory.resolve("http.sock").toString();
        try (LoopUnderTest t = new LoopUnderTest(SELECTOR)) {
            Server httpd = t.call(() -> AsyncIO.startUnixServer(HttpTestServer::handle, path));
            basetestSockClientOps(t, UnixDomainSocketAddress.of(path), SocketChannel.open(StandardProtocolFamily.UNIX));
            basetestSockRecvInto(t, UnixDomainSocketAddress.of(path), SocketChannel.open(StandardProtocolFamily.UNIX));
            t.closeAndWait(httpd);
        }
    }

    /** {@code _basetest_sock_recv_racing}: a receive cancelled before data came takes none of it. */
    private static void basetestSockRecvRacing(LoopUnderTest t, SocketAddress httpd, SocketChannel sock)
            throws IOException {
        sock.configureBlocking(false);
        t.run(t.loop.sockConnect(sock, httpd));
        Future<byte[]> first = t.loop.sockRecv(sock, 1024);
        t.spin(1);
        first.cancel();
        t.loop.sockSendall(sock, REQUEST);
        byte[] data = t.run(t.loop.sockRecv(sock, 1024));
        t.run(t.loop.sockRecv(sock, 1024));
        assertTrue(startsWith(data, "HTTP/1.0 200 OK"), new String(data));
    }

    /** {@code _basetest_sock_recv_into_racing}. */
    private static void basetestSockRecvIntoRacing(LoopUnderTest t, SocketAddress httpd, SocketChannel sock)
            throws IOException {
        sock.configureBlocking(false);
        t.run(t.loop.sockConnect(sock, httpd));
        ByteBuffer data = ByteBuffer.allocate(1024);
        Future<Integer> first = t.loop.sockRecvInto(sock, data);
        t.spin(1);
        first.cancel();
        Future<Void> sent = t.loop.sockSendall(sock, REQUEST);
        t.run(t.loop.sockRecvInto(sock, data));
        t.run(t.loop.sockRecvInto(sock, data));
        assertTrue(startsWith(Arrays.copyOf(data.array(), data.position()), "HTTP/1.0 200 OK"));
        t.run(sent);
    }

    /**
     * {@code _basetest_sock_send_racing}: a send cancelled while the socket's buffer is full does not stop a
     * later send. A Java channel's write takes what fits rather than failing, so "full" is a write of 0.
     */
    private static void basetestSockSendRacing(LoopUnderTest t, ServerSocketChannel listener, SocketChannel sock)
            throws IOException {
        listener.bind(new InetSocketAddress("127.0.0.1", 0), 1);
        sock.setOption(StandardSocketOptions.SO_SNDBUF, 1024);
        sock.configureBlocking(false);
        Future<Void> connected = t.loop.sockConnect(sock, listener.getLocalAddress());
        t.spin(1);
        try (SocketChannel server = listener.accept()) {
            server.configureBlocking(false);
            t.run(connected);

            // fill the buffer until sending 5 chars would block
            for (int size = 8192; size >= 4; size /= 2) {
                byte[] spaces = new byte[size];
                Arrays.fill(spaces, (byte) ' ');
                while (sock.write(ByteBuffer.wrap(spaces)) > 0) {
                    // keep filling
                }
            }

            // cancel a blocked sock_sendall
            Future<Void> blocked = t.loop.sockSendall(sock, bytes("hello"));
            t.spin(1);
            blocked.cancel();

            // receive everything that is not a space
            Future<String> received = recvAll(t, server, new StringBuilder());
            // immediately make another sock_sendall call
            t.run(t.loop.sockSendall(sock, bytes("world")));
            sock.shutdownOutput();
            String data = t.run(received);
            assertTrue(data.endsWith("world"), data);
        }
    }

    /** {@code recv_all()}: receives until end of stream, keeping what is not a space. */
    private static Future<String> recvAll(LoopUnderTest t, SocketChannel server, StringBuilder kept) {
        return FutureChain.then(t.loop, t.loop.sockRecv(server, 8192), buf -> {
            if (buf.length == 0) {
                return FutureChain.completed(t.loop, kept.toString());
            }
            kept.append(new String(buf, StandardCharsets.ISO_8859_1).strip());
            return recvAll(t, server, kept);
        });
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testSockClientRacing(LoopType type) throws IOException {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server httpd = t.startServer(HttpTestServer::handle, ServerOptions.DEFAULTS);
            try (SocketChannel sock = SocketChannel.open()) {
                basetestSockRecvRacing(t, address(httpd), sock);
            }
            try (SocketChannel sock = SocketChannel.open()) {
                basetestSockRecvIntoRacing(t, address(httpd), sock);
            }
            try (ServerSocketChannel listener = ServerSocketChannel.open(); SocketChannel sock = SocketChannel.open()) {
                basetestSockSendRacing(t, listener, sock);
            }
            t.closeAndWait(httpd);
        }
    }

    /**
     * {@code _basetest_sock_connect_racing}: a connect cancelled before anyone listens does not spoil the
     * next one. The JDK cannot connect a channel again once a connect was started on it (CPython retries on
     * the same socket), so the second connect uses a fresh channel; the cancelled one is left with no writer.
     */
    @ParameterizedTest
    @MethodSource("loops")
    void testSockClientConnectRacing(LoopType type) throws IOException {
        int port = ProtocolTest.freePort();
        InetSocketAddress addr = new InetSocketAddress("127.0.0.1", port);
        try (LoopUnderTest t = new LoopUnderTest(type); SocketChannel first = SocketChannel.open();
                SocketChannel second = SocketChannel.open()) {
            first.configureBlocking(false);
            Future<Void> cancelled = t.loop.sockConnect(first, addr);
            t.spin(1);
            cancelled.cancel();
            t.spin(1);
            assertFalse(t.loop.removeWriter(first), "the cancelled connect left no writer behind");
            try (ServerSocketChannel listener = ServerSocketChannel.open()) {
                listener.bind(addr, 1);
                second.configureBlocking(false);
                t.run(t.loop.sockConnect(second, addr));
                assertEquals(addr, second.getRemoteAddress());
            }
        }
    }

    private static final int DATA_SIZE = 1_000_000;

    private static byte[] digits(int from, int length) {
        byte[] expected = new byte[length];
        for (int i = 0; i < length; i++) {
            expected[i] = (byte) ('0' + (from + i) % 10);
        }
        return expected;
    }

    private static byte[] postLoop() {
        return bytes("POST /loop HTTP/1.0\r\nContent-Length: " + DATA_SIZE + "\r\n\r\n");
    }

    /**
     * {@code _basetest_huge_content} and {@code _basetest_huge_content_recvinto}: a megabyte sent while it is
     * echoed back, received in the reads {@code recv} makes ({@code null} at end of stream), intact.
     */
    private static void basetestHugeContent(LoopUnderTest t, SocketAddress address,
            Function<SocketChannel, Future<byte[]>> recv) throws IOException {
        try (SocketChannel sock = SocketChannel.open()) {
            sock.configureBlocking(false);
            t.run(t.loop.sockConnect(sock, address));
            t.run(t.loop.sockSendall(sock, postLoop()));
            Future<Void> sending = t.loop.sockSendall(sock, digits(0, DATA_SIZE));

            ByteArrayOutputStream head = new ByteArrayOutputStream();
            byte[] first = t.run(recv.apply(sock));
            // HTTP headers size is less than MTU, they are sent by the first packet always
            assertTrue(startsWith(first, "HTTP/1.0 200 OK"), new String(first));
            head.writeBytes(first);
            while (!new String(head.toByteArray(), StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                head.writeBytes(t.run(recv.apply(sock)));
            }
            byte[] all = head.toByteArray();
            int bodyStart = new String(all, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
            int size = all.length - bodyStart;
            assertArrayEquals(digits(0, size), Arrays.copyOfRange(all, bodyStart, all.length));
            while (true) {
                byte[] data = t.run(recv.apply(sock));
                if (data == null) {
                    break;
                }
                assertArrayEquals(digits(size, data.length), data);
                size += data.length;
            }
            assertEquals(DATA_SIZE, size);
            t.run(sending);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testHugeContent(LoopType type) throws IOException {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server httpd = t.startServer(HttpTestServer::handle, ServerOptions.DEFAULTS);
            basetestHugeContent(t, address(httpd), sock -> FutureChain.map(t.loop, t.loop.sockRecv(sock, DATA_SIZE),
                    data -> data.length == 0 ? null : data, unused -> { }));
            t.closeAndWait(httpd);
        }
    }

    /** Also checks jasyncio's end of stream for {@code sock_recv_into}: -1, where asyncio returns 0. */
    @ParameterizedTest
    @MethodSource("loops")
    void testHugeContentRecvinto(LoopType type) throws IOException {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server httpd = t.startServer(HttpTestServer::handle, ServerOptions.DEFAULTS);
            ByteBuffer buf = ByteBuffer.allocate(DATA_SIZE);
            basetestHugeContent(t, address(httpd), sock -> {
                buf.clear();
                return FutureChain.map(t.loop, t.loop.sockRecvInto(sock, buf), nbytes -> {
                    if (nbytes == 0) {
                        throw new IllegalStateException("a read into room for a megabyte returned 0 bytes");
                    }
                    return nbytes < 0 ? null : Arrays.copyOf(buf.array(), nbytes);
                }, unused -> { });
            });
            t.closeAndWait(httpd);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testSockClientFail(LoopType type) throws IOException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", ProtocolTest.freePort());
        try (LoopUnderTest t = new LoopUnderTest(type); SocketChannel sock = SocketChannel.open()) {
            sock.configureBlocking(false);
            assertThrows(ConnectionRefusedException.class, () -> t.run(t.loop.sockConnect(sock, address)));
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testSockAccept(LoopType type) throws IOException {
        try (LoopUnderTest t = new LoopUnderTest(type); ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.configureBlocking(false);
            listener.bind(new InetSocketAddress("127.0.0.1", 0), 1);
            try (Socket client = new Socket()) {
                client.connect(listener.getLocalAddress());
                try (SocketChannel conn = t.run(t.loop.sockAccept(listener))) {
                    assertFalse(conn.isBlocking());
                    assertEquals(client.getLocalSocketAddress(), conn.getRemoteAddress());
                    assertEquals(listener.getLocalAddress(), client.getRemoteSocketAddress());
                }
            }
        }
    }

    /**
     * Runs the loop until its selector (the proactor's selector thread) has selected once more: a pipe with a
     * byte in it is registered, and its reader runs after such a select.
     */
    private static void runUntilSelected(LoopUnderTest t) throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            source.configureBlocking(false);
            sink.write(ByteBuffer.wrap(new byte[] {1}));
            Future<Void> selected = t.loop.createFuture();
            t.loop.addReader(source, () -> {
                if (!selected.done()) {
                    selected.setResult(null);
                }
            });
            t.run(selected);
            t.loop.removeReader(source);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCancelSockAccept(LoopType type) throws IOException {
        try (LoopUnderTest t = new LoopUnderTest(type); SocketChannel client = SocketChannel.open()) {
            SocketAddress sockaddr;
            try (ServerSocketChannel listener = ServerSocketChannel.open()) {
                listener.configureBlocking(false);
                listener.bind(new InetSocketAddress("127.0.0.1", 0), 1);
                sockaddr = listener.getLocalAddress();
                assertThrows(TimeoutException.class,
                        () -> t.loop.runUntilComplete(AsyncIO.waitFor(t.loop.sockAccept(listener), 0.1)));
            }
            // The JDK closes a channel registered with a selector at that selector's next select: until then
            // the closed listener still takes connections (and then resets them).
            runUntilSelected(t);
            client.configureBlocking(false);
            assertThrows(ConnectionRefusedException.class, () -> t.run(t.loop.sockConnect(client, sockaddr)));
        }
    }
}
