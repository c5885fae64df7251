package org.jasyncio.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jasyncio.EventLoop;
import org.jasyncio.EventLoopPolicy;
import org.jasyncio.Future;
import org.jasyncio.ProactorEventLoop;
import org.jasyncio.Server;
import org.junit.jupiter.api.Test;

/** What only the proactor loop does: its policy, its selector thread, its wake-ups and its close. */
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
    void readinessCallbacksRunOnTheLoopThreadAndTheSelectorThreadStopsWithTheLoop() throws Exception {
        Pipe pipe = Pipe.open();
        LoopUnderTest t = new LoopUnderTest(PROACTOR);
        String selectorThread = "jasyncio-proactor" + t.loop.id() + "-selector";
        try {
            assertFalse(threadAlive(selectorThread), "the selector thread starts with the first watched channel");
            Future<String> ranOn = t.loop.createFuture();
            t.loop.addReader(pipe.source(), () -> {
                if (!ranOn.done()) {
                    ranOn.setResult(Thread.currentThread().getName());
                }
            });
            assertTrue(threadAlive(selectorThread));
            pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
            assertEquals(Thread.currentThread().getName(), t.run(ranOn), "ran on the loop's thread");
        } finally {
            t.close();
            pipe.source().close();
            pipe.sink().close();
        }
        assertFalse(threadAlive(selectorThread), "closing the loop stops the selector thread");
    }

    private static boolean threadAlive(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().startsWith(prefix));
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
