package org.jasyncio.net;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jasyncio.AsyncIO;
import org.jasyncio.ClientConnected;
import org.jasyncio.ConnectionOptions;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.Server;
import org.jasyncio.ServerOptions;
import org.jasyncio.Streams;
import org.jasyncio.Transport;
import org.jasyncio.internal.loop.FutureChain;

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

    /** Starts a streams server on 127.0.0.1 at a free port with {@code options}. */
    Server startServer(ClientConnected handler, ServerOptions options) {
        return call(() -> AsyncIO.startServer(handler, "127.0.0.1", 0, options));
    }

    /** Opens streams to 127.0.0.1:{@code port} with {@code options}. */
    Streams openConnection(int port, ConnectionOptions options) {
        return call(() -> AsyncIO.openConnection("127.0.0.1", port, options));
    }

    /** Connects {@code protocol} to 127.0.0.1:{@code port}; returns its transport. */
    Transport connect(Protocol protocol, int port) {
        return connect(protocol, port, ConnectionOptions.DEFAULTS);
    }

    /** Connects {@code protocol} to 127.0.0.1:{@code port} with {@code options}; returns its transport. */
    Transport connect(Protocol protocol, int port, ConnectionOptions options) {
        return run(loop.createConnection(() -> protocol, "127.0.0.1", port, options)).transport();
    }

    /** Closes {@code server} and runs until it and its connections are gone. */
    void closeAndWait(Server server) {
        server.close();
        run(server.waitClosed());
    }

    /**
     * Collects what the loop reports to its exception handler (instead of logging it), for a test that
     * checks the reports or expects some it need not check.
     */
    List<Map<String, Object>> reports() {
        List<Map<String, Object>> reports = new ArrayList<>();
        loop.setExceptionHandler((loop, context) -> reports.add(context));
        return reports;
    }

    /** What a blocking client does over its socket; it may throw what blocking I/O throws. */
    interface Conversation<T> {
        T over(Socket tcp) throws IOException;
    }

    /**
     * Runs a blocking client on its own socket to 127.0.0.1:{@code port} in the loop's default executor,
     * so the loop serves it meanwhile; the future gets what {@code conversation} returns. The socket is
     * closed once it is done.
     */
    <T> Future<T> blockingClient(int port, Conversation<T> conversation) {
        return loop.runInExecutor(null, () -> {
            try (Socket tcp = new Socket("127.0.0.1", port)) {
                return conversation.over(tcp);
            }
        });
    }

    /**
     * Runs until {@code protocol} has received as many bytes as {@code expected} holds, then asserts
     * that they are {@code expected}.
     */
    void assertReceives(RecordingProtocol protocol, byte[] expected) {
        assertReceives(protocol, expected, null);
    }

    /** {@link #assertReceives(RecordingProtocol, byte[])} saying {@code message} if it fails. */
    void assertReceives(RecordingProtocol protocol, byte[] expected, String message) {
        run(protocol.whenReceived(loop, expected.length));
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, protocol.received.toByteArray(), message);
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
