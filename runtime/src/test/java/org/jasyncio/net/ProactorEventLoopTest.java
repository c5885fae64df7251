package org.jasyncio.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jasyncio.EventLoop;
import org.jasyncio.EventLoopPolicy;
import org.jasyncio.Future;
import org.jasyncio.ProactorEventLoop;
import org.jasyncio.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What only the proactor loop does: its policy, the calls it refuses, its wake-ups and its close. */
class ProactorEventLoopTest {

    private static final LoopType PROACTOR = new LoopType("proactor", ProactorEventLoop::new);

    @Test
    void theProactorPolicyMakesProactorLoops() {
        EventLoop loop = EventLoopPolicy.proactor().newEventLoop();
        try {
            assertInstanceOf(ProactorEventLoop.class, loop);
        } finally {
            loop.close();
        }
    }

    @Test
    void callsOnSelectableChannelsAreRefusedNamingTheSelectorLoop() throws Exception {
        try (LoopUnderTest t = new LoopUnderTest(PROACTOR);
                SocketChannel socket = SocketChannel.open();
                ServerSocketChannel listening = ServerSocketChannel.open()) {
            List<Executable> calls = List.of(
                    () -> t.loop.addReader(socket, () -> { }),
                    () -> t.loop.removeReader(socket),
                    () -> t.loop.addWriter(socket, () -> { }),
                    () -> t.loop.removeWriter(socket),
                    () -> t.loop.sockConnect(socket, new InetSocketAddress("127.0.0.1", 1)),
                    () -> t.loop.sockAccept(listening),
                    () -> t.loop.sockRecv(socket, 10),
                    () -> t.loop.sockSendall(socket, ByteBuffer.allocate(1)));
            for (Executable call : calls) {
                UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class, call);
                assertTrue(refused.getMessage().contains("is not supported by ProactorEventLoop")
                        && refused.getMessage().contains("use a SelectorEventLoop (EventLoopPolicy.selector())"),
                        refused.getMessage());
            }
        }
    }

    @Test
    void aThreadsafeCallWakesAParkedLoop() throws Exception {
        try (LoopUnderTest t = new LoopUnderTest(PROACTOR)) {
            Future<String> posted = t.loop.createFuture();
            CountDownLatch running = new CountDownLatch(1);
            t.loop.callSoon(running::countDown);
            Thread poster = new Thread(() -> {
                try {
                    running.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                t.loop.callSoonThreadsafe(() -> posted.setResult(Thread.currentThread().getName()));
            });
            poster.start();
            assertEquals(Thread.currentThread().getName(), t.run(posted), "ran on the loop's thread");
            poster.join();
        }
    }

    @Test
    void closingTheLoopClosesItsSocketsAndStopsItsThreads() {
        long fdsBefore = LoopUnderTest.openFileDescriptors();
        LoopUnderTest t = new LoopUnderTest(PROACTOR);
        RecordingProtocol client = new RecordingProtocol(t.loop);
        Server server = t.call(() -> t.loop.createServer(BothLoopTypesTransportTest.Echo::new, "127.0.0.1", 0));
        t.call(() -> t.loop.createConnection(() -> client, "127.0.0.1", server.port()));
        assertTrue(LoopUnderTest.openFileDescriptors() > fdsBefore);
        t.close();
        LoopUnderTest.assertNoMoreDescriptorsThan(fdsBefore);
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("jasyncio-proactor" + t.loop.id() + "-")),
                "the channel group's threads are gone");
    }
}
