package org.jasyncio.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;

/**
 * CPython's {@code TestThreadedServer} (test_ssl.py): a blocking server on its own thread, at 127.0.0.1,
 * serving up to {@code maxClients} connections one after the other with a program of blocking socket calls,
 * so a test's asyncio side faces a peer that asyncio does not drive. Every socket has a generous read
 * timeout, so a peer that never answers fails the test instead of hanging it.
 */
final class ThreadedServer implements AutoCloseable {

    /** What the server does with one connection; it may throw what blocking I/O throws. */
    interface Prog {
        void serve(Socket sock) throws Exception;
    }

    private static final int TIMEOUT_MILLIS = 60_000;

    private final ServerSocket listener;
    /** Completes once {@code maxClients} were served; fails with the first failure of the program. */
    final Future<Void> done;

    ThreadedServer(EventLoop loop, Prog prog, int maxClients, int backlog) throws IOException {
        listener = new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
        done = loop.createFuture();
        Thread thread = new Thread(() -> {
            Throwable failure = null;
            try {
                for (int i = 0; i < maxClients; i++) {
                    try (Socket sock = listener.accept()) {
                        sock.setSoTimeout(TIMEOUT_MILLIS);
                        prog.serve(sock);
                    }
                }
            } catch (Throwable e) {
                failure = e;
            }
            Throwable outcome = failure;
            try {
                loop.callSoonThreadsafe(() -> {
                    if (outcome == null) {
                        done.setResult(null);
                    } else {
                        done.setException(outcome);
                    }
                });
            } catch (RuntimeException loopClosed) {
                // the test is over
            }
        }, "test-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** A server for one client. */
    ThreadedServer(EventLoop loop, Prog prog) throws IOException {
        this(loop, prog, 1, 1);
    }

    int port() {
        return listener.getLocalPort();
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port());
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    /** {@code sock.starttls(context, server_side=True)}: a TLS server over {@code sock}, handshake done. */
    static SSLSocket serverTls(Socket sock, SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(sock, null, false);
        tls.setUseClientMode(false);
        tls.startHandshake();
        return tls;
    }

    /** {@code sock.starttls(context)}: a TLS client over {@code sock}, handshake done. */
    static SSLSocket clientTls(Socket sock, SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(sock, "localhost", sock.getPort(), false);
        tls.startHandshake();
        return tls;
    }

    /** {@code recv_all(n)}: exactly {@code n} bytes, or {@link EOFException} (CPython's ConnectionAbortedError). */
    static byte[] recvAll(InputStream in, int n) throws IOException {
        byte[] data = in.readNBytes(n);
        if (data.length < n) {
            throw new EOFException("the peer closed after " + data.length + " of " + n + " bytes");
        }
        return data;
    }
}
