package org.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.SelectorEventLoop;
import org.jasyncio.internal.loop.ThreadsafeInbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadsTest {

    private static final Duration GENEROUS = Duration.ofSeconds(20);

    private final EventLoop loop = new SelectorEventLoop();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void callSoonThreadsafeWakesALoopBlockedInSelect() {
        assertTimeoutPreemptively(GENEROUS, () -> {
            for (int round = 0; round < 50; round++) {
                CountDownLatch running = new CountDownLatch(1);
                List<String> events = new ArrayList<>();
                loop.callSoon(running::countDown);
                Thread producer = new Thread(() -> {
                    awaitUninterruptibly(running);
                    loop.callSoonThreadsafe(() -> {
                        events.add("from producer");
                        loop.stop();
                    });
                });
                producer.start();
                loop.runForever();
                producer.join();
                assertEquals(List.of("from producer"), events);
            }
        });
    }

    @Test
    void stopFromAnotherThreadWakesTheLoop() {
        assertTimeoutPreemptively(GENEROUS, () -> {
            CountDownLatch running = new CountDownLatch(1);
            loop.callSoon(running::countDown);
            Thread stopper = new Thread(() -> {
                awaitUninterruptibly(running);
                loop.stop();
            });
            stopper.start();
            loop.runForever();
            stopper.join();
            assertFalse(loop.isRunning());
        });
    }

    @Test
    void manyProducersEachCallbackRunsOnceOnTheLoopThread() {
        assertTimeoutPreemptively(GENEROUS, () -> {
            int producers = 4;
            int perProducer = 10_000;
            AtomicInteger ran = new AtomicInteger();
            AtomicReference<Thread> wrongThread = new AtomicReference<>();
            Thread loopThread = Thread.currentThread();
            ExecutorService pool = Executors.newFixedThreadPool(producers);
            for (int p = 0; p < producers; p++) {
                pool.execute(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        loop.callSoonThreadsafe(() -> {
                            if (Thread.currentThread() != loopThread) {
                                wrongThread.set(Thread.currentThread());
                            }
                            if (ran.incrementAndGet() == producers * perProducer) {
                                loop.stop();
                            }
                        });
                    }
                });
            }
            loop.runForever();
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(producers * perProducer, ran.get());
            assertEquals(null, wrongThread.get());
        });
    }

    @Test
    void inboxWakesTheLoopOnlyOnceWhileItSleeps() {
        AtomicInteger wakeups = new AtomicInteger();
        ThreadsafeInbox inbox = new ThreadsafeInbox(wakeups::incrementAndGet);
        inbox.add("while awake");
        assertEquals(0, wakeups.get(), "a busy loop needs no wake-up");
        assertFalse(inbox.prepareToSleep(), "a waiting callback keeps the loop awake");
        ArrayDeque<Object> ready = new ArrayDeque<>();
        inbox.drainTo(ready);
        assertEquals(List.of("while awake"), new ArrayList<>(ready));
        ThreadsafeInbox empty = new ThreadsafeInbox(wakeups::incrementAndGet);
        assertTrue(empty.prepareToSleep());
        empty.add("first");
        empty.add("second");
        assertEquals(1, wakeups.get(), "a burst of producers costs one wake-up");
        empty.awake();
        empty.add("third");
        assertEquals(1, wakeups.get());
    }

    @Test
    void runInExecutorRunsOffTheLoopAndDeliversOnTheLoopThread() {
        Thread loopThread = Thread.currentThread();
        AtomicReference<Thread> callbackThread = new AtomicReference<>();
        Future<Thread> worker = loop.runInExecutor(null, Thread::currentThread);
        worker.addDoneCallback(f -> callbackThread.set(Thread.currentThread()));
        Thread ranOn = loop.runUntilComplete(worker);
        assertNotSame(loopThread, ranOn);
        loop.callSoon(loop::stop);
        loop.runForever();
        assertSame(loopThread, callbackThread.get());
    }

    @Test
    void runInExecutorDeliversTheFailureItself() {
        IOException failure = new IOException("disk on fire");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> result = loop.runInExecutor(pool, () -> {
                throw failure;
            });
            assertSame(failure, assertThrows(IOException.class, () -> loop.runUntilComplete(result)));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void runInExecutorCancelledBeforeStartingNeverRuns() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch blocker = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        try {
            Future<Boolean> busy = loop.runInExecutor(pool, () -> blocker.await(10, TimeUnit.SECONDS));
            Future<Integer> queued = loop.runInExecutor(pool, ran::incrementAndGet);
            queued.cancel();
            loop.callSoon(blocker::countDown);
            assertTrue(loop.runUntilComplete(busy));
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(0, ran.get());
            assertTrue(queued.cancelled());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shutdownDefaultExecutorCompletesAndRefusesLaterCalls() {
        assertTimeoutPreemptively(GENEROUS, () -> {
            assertEquals(1, loop.runUntilComplete(loop.runInExecutor(null, () -> 1)));
            loop.runUntilComplete(loop.shutdownDefaultExecutor());
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> loop.runInExecutor(null, () -> 2));
            assertEquals("Executor shutdown has been called", thrown.getMessage());
        });
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
