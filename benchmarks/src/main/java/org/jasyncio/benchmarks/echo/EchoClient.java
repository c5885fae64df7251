package org.jasyncio.benchmarks.echo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * uvloop's echo client: {@code connections} closed-loop clients, each sending one message and
 * reading all of its echo before sending the next, for a fixed time after a warm-up.
 */
final class EchoClient {

    /** Messages per second and megabytes (10^6) per second, each way. */
    record Result(double messagesPerSecond, double megabytesPerSecond) {
    }

    private EchoClient() {
    }

    static Result run(int port, int messageSize, int connections, double warmupSeconds, double seconds)
            throws Exception {
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder messages = new LongAdder();
        CountDownLatch done = new CountDownLatch(connections);
        List<Throwable> failures = new ArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            sockets.add(socket);
            Thread client = new Thread(() -> {
                try {
                    pingPong(socket, messageSize, stop, counting, messages);
                } catch (IOException | RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    done.countDown();
                }
            }, "echo-client-" + i);
            client.setDaemon(true);
            client.start();
        }
        Thread.sleep((long) (warmupSeconds * 1000));
        messages.reset();
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        long count = messages.sum();
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        done.await();
        for (Socket socket : sockets) {
            socket.close();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("echo client failed: " + failures.get(0), failures.get(0));
        }
        double perSecond = count / elapsed;
        return new Result(perSecond, perSecond * messageSize / 1e6);
    }

    private static void pingPong(Socket socket, int size, AtomicBoolean stop, AtomicBoolean counting,
            LongAdder messages) throws IOException {
        byte[] message = new byte[size];
        for (int i = 0; i < size; i++) {
            message[i] = (byte) i;
        }
        byte[] echo = new byte[size];
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        while (!stop.get()) {
            out.write(message);
            int got = 0;
            while (got < size) {
                int n = in.read(echo, got, size - got);
                if (n < 0) {
                    throw new IOException("the server closed the connection after " + got + " of " + size + " bytes");
                }
                got += n;
            }
            if (echo[size - 1] != message[size - 1] || echo[0] != message[0]) {
                throw new IOException("the echo differs from the message");
            }
            messages.increment();
        }
    }
}
