package org.jasyncio.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jasyncio.ConnectionRefusedException;
import org.jasyncio.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** addReader/addWriter and asyncio's sock_* calls on loopback. */
class SocketCallsTest {

    static List<LoopType> loops() {
        return LoopType.all();
    }

    @ParameterizedTest
    @MethodSource("loops")
    void readersFireOnReadinessAndASecondReaderReplacesTheFirst(LoopType type) throws Exception {
        Pipe pipe = Pipe.open();
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            List<String> calls = new ArrayList<>();
            Future<Void> second = t.loop.createFuture();
            t.loop.addReader(pipe.source(), () -> calls.add("first"));
            t.loop.addReader(pipe.source(), () -> {
                calls.add("second");
                ByteBuffer sink = ByteBuffer.allocate(16);
                try {
                    pipe.source().read(sink);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                if (!second.done()) {
                    second.setResult(null);
                }
            });
            pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
            t.run(second);
            assertEquals(List.of("second"), calls);

            assertTrue(t.loop.removeReader(pipe.source()));
            assertFalse(t.loop.removeReader(pipe.source()));
            pipe.sink().write(ByteBuffer.wrap(new byte[] {2}));
            t.spin(3);
            assertEquals(List.of("second"), calls, "a removed reader is not called");

            Future<Void> writable = t.loop.createFuture();
            t.loop.addWriter(pipe.sink(), () -> {
                if (!writable.done()) {
                    writable.setResult(null);
                }
            });
            t.run(writable);
            assertTrue(t.loop.removeWriter(pipe.sink()));
            assertFalse(t.loop.removeWriter(pipe.sink()));
            t.loop.addReader(pipe.source(), () -> { });
            t.close();
            assertFalse(t.loop.removeReader(pipe.source()), "after close, remove returns false");
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void sockCallsCarryEveryByteBothWays(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> sockRoundTrip(type));
    }

    private static void sockRoundTrip(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type);
                ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                SocketChannel client = SocketChannel.open()) {
            listener.configureBlocking(false);
            client.configureBlocking(false);
            Future<SocketChannel> accepted = t.loop.sockAccept(listener);
            t.run(t.loop.sockConnect(client, listener.getLocalAddress()));
            try (SocketChannel server = t.run(accepted)) {
                byte[] payload = new byte[3 * 1024 * 1024];
                new Random(7).nextBytes(payload);
                Future<Void> sent = t.loop.sockSendall(client, payload);
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                while (received.size() < payload.length) {
                    byte[] chunk = t.run(t.loop.sockRecv(server, 65536));
                    assertTrue(chunk.length > 0);
                    received.write(chunk);
                }
                t.run(sent);
                assertArrayEquals(payload, received.toByteArray());

                ByteBuffer into = ByteBuffer.allocate(10);
                Future<Integer> reply = t.loop.sockRecvInto(client, into);
                t.run(t.loop.sockSendall(server, new byte[] {4, 5, 6}));
                assertEquals(3, t.run(reply));
                assertArrayEquals(new byte[] {4, 5, 6}, java.util.Arrays.copyOf(into.array(), 3));

                server.shutdownOutput();
                assertEquals(0, t.run(t.loop.sockRecv(client, 10)).length, "end of stream is an empty array");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aCancelledRecvConsumesNothing(LoopType type) throws Exception {
        try (LoopUnderTest t = new LoopUnderTest(type);
                ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                SocketChannel client = SocketChannel.open()) {
            client.configureBlocking(false);
            listener.configureBlocking(false);
            Future<SocketChannel> accepted = t.loop.sockAccept(listener);
            t.run(t.loop.sockConnect(client, listener.getLocalAddress()));
            try (SocketChannel server = t.run(accepted)) {
                Future<byte[]> first = t.loop.sockRecv(server, 100);
                t.spin(2);
                first.cancel();
                t.spin(2);
                t.run(t.loop.sockSendall(client, new byte[] {9, 8, 7}));
                t.spin(2);
                assertArrayEquals(new byte[] {9, 8, 7}, t.run(t.loop.sockRecv(server, 100)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void connectToAClosedPortIsRefusedNamingHostAndPort(LoopType type) throws Exception {
        int port;
        try (ServerSocketChannel probe = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        try (LoopUnderTest t = new LoopUnderTest(type); SocketChannel client = SocketChannel.open()) {
            client.configureBlocking(false);
            ConnectionRefusedException refused = assertThrows(ConnectionRefusedException.class,
                    () -> t.run(t.loop.sockConnect(client, new InetSocketAddress("127.0.0.1", port))));
            assertTrue(refused.getMessage().contains("127.0.0.1:" + port), refused.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void getaddrinfoAnswersLiteralsAndResolvesNames(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            assertEquals(List.of(new InetSocketAddress("127.0.0.1", 80)), t.run(t.loop.getaddrinfo("127.0.0.1", 80)));
            List<InetSocketAddress> local = t.run(t.loop.getaddrinfo("localhost", 81));
            assertFalse(local.isEmpty());
            assertTrue(local.stream().allMatch(a -> a.getPort() == 81 && a.getAddress().isLoopbackAddress()), local::toString);
            java.io.UncheckedIOException unknown = assertThrows(java.io.UncheckedIOException.class,
                    () -> t.run(t.loop.getaddrinfo("no-such-host.invalid", 1)));
            assertTrue(unknown.getMessage().startsWith("getaddrinfo failed for no-such-host.invalid:1"), unknown.getMessage());
        }
    }
}
