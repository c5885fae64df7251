package org.jasyncio.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.internal.net.FutureChain;

/**
 * A fresh loop of one {@link LoopType}, set as the thread's loop, that a test drives step by step:
 * {@link #run} runs the loop until a future is done (with a generous guard against a hang).
 */
final class LoopUnderTest implements AutoCloseable {

    /** Upper bound for any single step; a step that needs it has hung. */
    static final double STEP_TIMEOUT = 20.0;

    final EventLoop loop;

    LoopUnderTest(LoopType type) {
        loop = type.factory().get();
        AsyncIO.setEventLoop(loop);
    }

    /** Runs the loop until {@code future} is done; returns its result or throws its exception. */
    <T> T run(Future<T> future) {
        return loop.runUntilComplete(AsyncIO.waitFor(future, STEP_TIMEOUT));
    }

    /** Calls {@code start} on the running loop (for APIs that need one) and runs until its future is done. */
    <T> T call(Supplier<Future<T>> start) {
        Future<T> outcome = loop.createFuture();
        loop.callSoon(() -> {
            try {
                start.get().addDoneCallback(done -> FutureChain.copy(done, outcome));
            } catch (RuntimeException e) {
                outcome.setException(e);
            }
        });
        return run(outcome);
    }

    /**
     * Runs the loop until {@code condition} holds, checking it every millisecond: for state that
     * settles through another thread (a proactor's completions) and has no event of its own.
     */
    void runUntil(java.util.function.BooleanSupplier condition) {
        Future<Void> holds = loop.createFuture();
        Runnable check = new Runnable() {
            @Override
            public void run() {
                if (condition.getAsBoolean()) {
                    holds.setResult(null);
                } else {
                    loop.callLater(0.001, this);
                }
            }
        };
        loop.callSoon(check);
        run(holds);
    }

    /** Runs {@code n} loop iterations. */
    void spin(int n) {
        for (int i = 0; i < n; i++) {
            loop.callSoon(loop::stop);
            loop.runForever();
        }
    }

    /** Runs the loop for about {@code seconds} of its time. */
    void runFor(double seconds) {
        Future<Void> elapsed = loop.createFuture();
        loop.callLater(seconds, () -> elapsed.setResult(null));
        loop.runUntilComplete(elapsed);
    }

    @Override
    public void close() {
        AsyncIO.setEventLoop(null);
        loop.close();
    }

    /**
     * Runs {@code scenario} twice and checks that the second run leaves as many file descriptors open
     * as it found (the first run warms up what the JDK opens once, e.g. its pre-close socket).
     */
    static void assertNoLeak(Runnable scenario) {
        scenario.run();
        long before = openFileDescriptors();
        scenario.run();
        assertNoMoreDescriptorsThan(before);
    }

    /**
     * Asserts that the process has at most {@code before} file descriptors open, allowing a
     * generous bound for closes the JDK finishes on its own (a channel closed while registered
     * with a selector is released at the next select; a channel group's threads release theirs
     * as they leave). The count is process-wide, so other threads may lower it meanwhile: fewer
     * is no leak.
     */
    static void assertNoMoreDescriptorsThan(long before) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        long open = openFileDescriptors();
        while (open > before && System.nanoTime() < deadline) {
            Thread.yield();
            open = openFileDescriptors();
        }
        org.junit.jupiter.api.Assertions.assertTrue(open <= before,
                "file descriptors leaked: " + open + " open, " + before + " before");
    }

    /** How many file descriptors this process has open. */
    static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
    }
}
