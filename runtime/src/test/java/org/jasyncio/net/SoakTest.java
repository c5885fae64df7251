package org.jasyncio.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jasyncio.DatagramEndpoint;
import org.jasyncio.DatagramProtocol;
import org.jasyncio.DatagramTransport;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.Server;
import org.jasyncio.ServerOptions;
import org.jasyncio.Transport;
import org.jasyncio.internal.net.AcceptFailures;
import org.jasyncio.internal.net.Listener;
import org.jasyncio.EventLoop;
import org.jasyncio.internal.access.Access;
import org.jasyncio.internal.selector.SelectorDriver;
import org.jasyncio.internal.net.ServerConnections;
import org.jasyncio.SelectorEventLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A bounded loopback soak, UDP, and accept running out of file descriptors. */
class SoakTest {

    static List<LoopType> loops() {
        return LoopType.all();
    }

    private static final int CONNECTIONS = 2000;
    private static final int CONCURRENT = 50;

    /** A client that sends its payload, half-closes, and checks the echo byte for byte. */
    private static final class Checker implements Protocol {
        final byte[] payload;
        final ByteArrayOutputStream echoed = new ByteArrayOutputStream();
        final Future<Void> done;

        Checker(byte[] payload, Future<Void> done) {
            this.payload = payload;
            this.done = done;
        }

        @Override
        public void connectionMade(Transport transport) {
            transport.write(payload);
            transport.writeEof();
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            echoed.write(bytes, 0, bytes.length);
        }

        @Override
        public void connectionLost(Throwable exception) {
            if (exception != null) {
                done.setException(exception);
            } else if (!java.util.Arrays.equals(payload, echoed.toByteArray())) {
                done.setException(new AssertionError("echo differs: sent " + payload.length + ", got " + echoed.size()));
            } else {
                done.setResult(null);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void thousandsOfConnectionsAndTensOfMegabytesEchoEveryByteAndLeakNothing(LoopType type) {
        long before = LoopUnderTest.openFileDescriptors();
        long[] total = {0};
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.run(t.loop.createServer(ProtocolTest.Echo::new, "127.0.0.1", 0));
            Random random = new Random(2024);
            for (int started = 0; started < CONNECTIONS; started += CONCURRENT) {
                List<Future<Void>> batch = new ArrayList<>();
                for (int i = 0; i < CONCURRENT; i++) {
                    // Mostly small messages, and every 25th a large one that must pass flow control.
                    int size = (started + i) % 25 == 0 ? 256 * 1024 + random.nextInt(300_000) : random.nextInt(4096);
                    byte[] payload = new byte[size];
                    random.nextBytes(payload);
                    total[0] += size;
                    Future<Void> done = t.loop.createFuture();
                    batch.add(done);
                    Future<?> connected = t.loop.createConnection(() -> new Checker(payload, done), "127.0.0.1", server.port());
                    connected.addDoneCallback(c -> {
                        if (c.exception() != null && !done.done()) {
                            done.setException(c.exception());
                        }
                    });
                }
                t.run(org.jasyncio.AsyncIO.gather(batch));
            }
            server.close();
            t.run(server.waitClosed());
        }
        assertTrue(total[0] > 20_000_000, "tens of megabytes each way: " + total[0]);
        LoopUnderTest.assertNoMoreDescriptorsThan(before);
    }

    @ParameterizedTest
    @MethodSource("loops")
    void datagramsEchoAndUnreachablePortsReachErrorReceived(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                DatagramEndpoint<DatagramProtocol> server = t.run(t.loop.createDatagramEndpoint(() -> new DatagramProtocol() {
                    DatagramTransport transport;

                    @Override
                    public void connectionMade(DatagramTransport made) {
                        transport = made;
                    }

                    @Override
                    public void datagramReceived(ByteBuffer data, SocketAddress address) {
                        transport.sendto(data, address);
                    }
                }, "127.0.0.1", 0, null, 0));
                InetSocketAddress at = (InetSocketAddress) server.transport().getExtraInfo("sockname");
                Future<byte[]> reply = t.loop.createFuture();
                List<Exception> errors = new ArrayList<>();
                DatagramEndpoint<DatagramProtocol> client = t.run(t.loop.createDatagramEndpoint(() -> new DatagramProtocol() {
                    @Override
                    public void datagramReceived(ByteBuffer data, SocketAddress address) {
                        byte[] bytes = new byte[data.remaining()];
                        data.get(bytes);
                        reply.setResult(bytes);
                    }

                    @Override
                    public void errorReceived(Exception exception) {
                        errors.add(exception);
                    }
                }, null, 0, "127.0.0.1", at.getPort()));
                t.spin(2);
                client.transport().sendto(new byte[] {1, 2, 3}, null);
                assertArrayEquals(new byte[] {1, 2, 3}, t.run(reply));
                assertEquals(List.of(), errors);
                client.transport().close();
                server.transport().close();
                t.spin(3);
            }
        });
    }

    /** The loop's network driver, to listen with a failing accept call. */
    private static SelectorDriver driverOf(EventLoop loop) {
        return (SelectorDriver) Access.loops().networkDriver(loop);
    }

    @Test
    void runningOutOfFileDescriptorsPausesAcceptingForOneSecond() throws IOException {
        SelectorEventLoop loop = new SelectorEventLoop();
        org.jasyncio.AsyncIO.setEventLoop(loop);
        try {
            List<String> reports = new ArrayList<>();
            List<Double> acceptTimes = new ArrayList<>();
            int[] failuresLeft = {1};
            Future<Void> accepted = loop.createFuture();
            ServerConnections connections = new ServerConnections() {
                @Override
                public Protocol newProtocol() {
                    return new Protocol() { };
                }

                @Override
                public void attach(Transport transport) {
                    transport.close();
                    accepted.setResult(null);
                }

                @Override
                public void detach(Transport transport) {
                }

                @Override
                public void report(String message, Throwable exception) {
                    reports.add(message + " / " + exception.getMessage());
                }
            };
            Listener listener = driverOf(loop).listen(new InetSocketAddress("127.0.0.1", 0), ServerOptions.DEFAULTS,
                    connections, channel -> {
                        acceptTimes.add(loop.time());
                        if (failuresLeft[0]-- > 0) {
                            throw new IOException("Too many open files");
                        }
                        return channel.accept();
                    });
            listener.startAccepting();
            try (SocketChannel client = SocketChannel.open((InetSocketAddress) ((ServerSocketChannel) listener.channel()).getLocalAddress())) {
                loop.runUntilComplete(org.jasyncio.AsyncIO.waitFor(accepted, 10));
                assertEquals(1, reports.size(), reports::toString);
                assertTrue(reports.get(0).startsWith("socket.accept() out of system resource"), reports.get(0));
                assertTrue(acceptTimes.size() >= 2, acceptTimes::toString);
                // No accept call at all while paused: the next one comes a whole retry delay later.
                double paused = acceptTimes.get(1) - acceptTimes.get(0);
                assertTrue(paused >= AcceptFailures.RETRY_DELAY_SECONDS - 0.01 && paused < 5, "paused " + paused + " s");
            }
            listener.close();
        } finally {
            org.jasyncio.AsyncIO.setEventLoop(null);
            loop.close();
        }
    }
}
