package org.jasyncio.internal.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.jasyncio.Future;

/**
 * asyncio's {@code sock_*} calls on a selector loop: each tries the call at once and, if the socket
 * is not ready, registers a reader or writer that retries it; the registration is removed when the
 * future completes or is cancelled, so a cancelled call consumes nothing. Internal to jasyncio.
 */
final class SocketCalls {

    /** One attempt of a non-blocking call: true when done (the future is then complete). */
    @FunctionalInterface
    private interface Attempt {
        boolean tryOnce() throws IOException;
    }

    private final SelectorDriver driver;

    SocketCalls(SelectorDriver driver) {
        this.driver = driver;
    }

    Future<Void> connect(SocketChannel channel, SocketAddress address) {
        Future<Void> future = driver.loop().createFuture();
        Registration registration = driver.registration(channel);
        String where = describe(address);
        try {
            if (channel.connect(address)) {
                future.setResult(null);
                return future;
            }
        } catch (IOException e) {
            future.setException(ConnectionErrors.onConnect(e, where));
            return future;
        }
        retryWhenReady(channel, registration, false, future, () -> {
            try {
                if (!channel.finishConnect()) {
                    return false;
                }
            } catch (IOException e) {
                throw new ConnectFailure(ConnectionErrors.onConnect(e, where));
            }
            future.setResult(null);
            return true;
        });
        return future;
    }

    Future<SocketChannel> accept(ServerSocketChannel channel) {
        Future<SocketChannel> future = driver.loop().createFuture();
        Registration registration = driver.registration(channel);
        Attempt attempt = () -> {
            SocketChannel accepted = channel.accept();
            if (accepted == null) {
                return false;
            }
            accepted.configureBlocking(false);
            future.setResult(accepted);
            return true;
        };
        tryThenRetry(channel, registration, true, future, attempt);
        return future;
    }

    Future<Integer> recvInto(SocketChannel channel, ByteBuffer buffer) {
        Future<Integer> future = driver.loop().createFuture();
        Registration registration = driver.registration(channel);
        Attempt attempt = () -> {
            int n = channel.read(buffer);
            if (n == 0 && buffer.hasRemaining()) {
                return false;
            }
            future.setResult(n);
            return true;
        };
        tryThenRetry(channel, registration, true, future, attempt);
        return future;
    }

    Future<Void> sendall(SocketChannel channel, ByteBuffer data) {
        Future<Void> future = driver.loop().createFuture();
        Registration registration = driver.registration(channel);
        Attempt attempt = () -> {
            channel.write(data);
            if (data.hasRemaining()) {
                return false;
            }
            future.setResult(null);
            return true;
        };
        tryThenRetry(channel, registration, false, future, attempt);
        return future;
    }

    private <T> void tryThenRetry(SelectableChannel channel, Registration registration, boolean read,
            Future<T> future, Attempt attempt) {
        try {
            if (attempt.tryOnce()) {
                return;
            }
        } catch (IOException e) {
            future.setException(ConnectionErrors.onConnection(e));
            return;
        }
        retryWhenReady(channel, registration, read, future, attempt);
    }

    private <T> void retryWhenReady(SelectableChannel channel, Registration registration, boolean read,
            Future<T> future, Attempt attempt) {
        boolean replaced = read ? registration.setReader(() -> retry(registration, read, future, attempt))
                : registration.setWriter(() -> retry(registration, read, future, attempt));
        if (replaced) {
            future.setException(new IllegalStateException((read ? "A reader" : "A writer") + " is already registered for "
                    + channel + "; it was replaced"));
            return;
        }
        future.addDoneCallback(done -> {
            if (done.cancelled()) {
                unregister(registration, read);
            }
        });
    }

    private static <T> void retry(Registration registration, boolean read, Future<T> future, Attempt attempt) {
        if (future.done()) {
            unregister(registration, read);
            return;
        }
        boolean finished;
        try {
            finished = attempt.tryOnce();
        } catch (ConnectFailure e) {
            unregister(registration, read);
            future.setException(e.translated);
            return;
        } catch (IOException e) {
            unregister(registration, read);
            future.setException(ConnectionErrors.onConnection(e));
            return;
        }
        if (finished) {
            unregister(registration, read);
        }
    }

    private static void unregister(Registration registration, boolean read) {
        if (read) {
            registration.setReader(null);
        } else {
            registration.setWriter(null);
        }
    }

    /** {@code host:port} of an address, for messages. */
    static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress) {
            InetSocketAddress inet = (InetSocketAddress) address;
            return inet.getHostString() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    /** Carries a connect failure, already translated, out of an {@link Attempt}. */
    private static final class ConnectFailure extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient RuntimeException translated;

        ConnectFailure(RuntimeException translated) {
            super(translated.getMessage(), translated);
            this.translated = translated;
        }
    }
}
