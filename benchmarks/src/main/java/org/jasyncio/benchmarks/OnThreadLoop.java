package org.jasyncio.benchmarks;

import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The state of a benchmark whose {@code @Async} calls are made outside a running loop: one loop per
 * trial, set as the benchmark thread's loop, where such a call makes its task, and closed at the end.
 */
public abstract class OnThreadLoop {
    /** The benchmark thread's loop. */
    protected EventLoop loop;

    @Setup(Level.Trial)
    public void createLoop() {
        loop = AsyncIO.newEventLoop();
        AsyncIO.setEventLoop(loop);
    }

    @TearDown(Level.Trial)
    public void closeLoop() {
        AsyncIO.setEventLoop(null);
        loop.close();
    }
}
