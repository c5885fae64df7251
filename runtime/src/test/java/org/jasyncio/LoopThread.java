package org.jasyncio;

import java.util.concurrent.CountDownLatch;

/**
 * An event loop running forever on its own thread, for tests whose driver (the Reactive Streams
 * TCK) calls from other threads, as a foreign producer or consumer would.
 */
final class LoopThread implements AutoCloseable {
    final EventLoop loop = AsyncIO.newEventLoop();
    private final Thread thread;

    LoopThread(String name) {
        CountDownLatch running = new CountDownLatch(1);
        thread = new Thread(() -> {
            AsyncIO.setEventLoop(loop);
            loop.callSoon(running::countDown);
            loop.runForever();
        }, name);
        thread.setDaemon(true);
        thread.start();
        try {
            running.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        loop.callSoonThreadsafe(loop::stop);
        thread.join();
        loop.close();
    }
}
