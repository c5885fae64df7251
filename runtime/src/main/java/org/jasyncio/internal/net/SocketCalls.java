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
 * {@code addReader}/{@code addWriter} and asyncio's {@code sock_*} calls on a loop's {@link Readiness}
 * (the selector loop's selector or a proactor loop's selector thread). Each {@code sock_*} call tries
 * at once and, if the socket is not ready, registers a reader or writer that retries it; the
 * registration is removed when the future completes or is cancelled, so a cancelled call consumes
 * nothing. Called on the loop's thread only. Internal to jasyncio: not for users.
 */
public final class SocketCalls {

    /** One attempt of a non-blocking call: true when done (the future is then complete). */
    @FunctionalInterface
    private interface Attempt {
        boolean tryOnce() throws IOException;
    }

    private final Readiness readiness;

    /** The calls on {@code readiness}. */
    public SocketCalls(Readiness readiness) {
        this.readiness = readiness;
    }

    /** Calls {@code callback} on the loop whenever {@code channel} is readable (or acceptable); replaces a previous reader. */
    public void addReader(SelectableChannel channel, Runnable callback) {
        readiness.interest(channel).setReader(callback);
    }

    /** @return whether a reader was registered for {@code channel} */
    public boolean removeReader(SelectableChannel channel) {
        ChannelInterest interest = readiness.existingInterest(channel);
        return interest != null && interest.setReader(null);
    }

    /** Calls {@code callback} on the loop whenever {@code channel} is writable (or its connect finished); replaces a previous writer. */
    public void addWriter(SelectableChannel channel, Runnable callback) {
        readiness.interest(channel).setWriter(callback);
    }

    /** @return whether a writer was registered for {@code channel} */
    public boolean removeWriter(SelectableChannel channel) {
        ChannelInterest interest = readiness.existingInterest(channel);
        return interest != null && interest.setWriter(null);
    }

    /** asyncio's {@code sock_connect}: connects the non-blocking {@code channel}; fails with a {@code ConnectionException}. */
    public Future<Void> connect(SocketChannel channel, SocketAddress address) {
        requireNonBlocking(channel);
        Future<Void> future = readiness.loop().createFuture();
        ChannelInterest registration = readiness.interest(channel);
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

    /** asyncio's {@code sock_accept}: the next accepted connection, in non-blocking mode. */
    public Future<SocketChannel> accept(ServerSocketChannel channel) {
        requireNonBlocking(channel);
        Future<SocketChannel> future = readiness.loop().createFuture();
        ChannelInterest registration = readiness.interest(channel);
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

    /** asyncio's {@code sock_recv_into}: reads into {@code buffer} once some bytes are there; how many (-1 at end of stream). */
    public Future<Integer> recvInto(SocketChannel channel, ByteBuffer buffer) {
        requireNonBlocking(channel);
        Future<Integer> future = readiness.loop().createFuture();
        ChannelInterest registration = readiness.interest(channel);
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

    /** asyncio's {@code sock_sendall}: writes all remaining bytes of {@code data}, waiting for the socket as needed. */
    public Future<Void> sendall(SocketChannel channel, ByteBuffer data) {
        requireNonBlocking(channel);
        Future<Void> future = readiness.loop().createFuture();
        ChannelInterest registration = readiness.interest(channel);
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

    private <T> void tryThenRetry(SelectableChannel channel, ChannelInterest registration, boolean read,
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

    private <T> void retryWhenReady(SelectableChannel channel, ChannelInterest registration, boolean read,
            Future<T> future, Attempt attempt) {
        Retry<T> retry = new Retry<>(registration, read, future, attempt);
        Runnable previous = read ? registration.reader() : registration.writer();
        if (read) {
            registration.setReader(retry);
        } else {
            registration.setWriter(retry);
        }
        // As in asyncio, a later call replaces the channel's reader (writer). An earlier call still
        // waiting could then never complete: it fails, where asyncio's would wait forever. One that was
        // cancelled, whose reader is removed only on the next iteration, is simply replaced.
        if (previous instanceof Retry && !((Retry<?>) previous).future.done()) {
            ((Retry<?>) previous).future.setException(new IllegalStateException("Another " + (read ? "read" : "write")
                    + " call on " + channel + " replaced this one while it waited"));
        }
        future.addDoneCallback(done -> {
            if (done.cancelled()) {
                retry.release();
            }
        });
    }

    /** asyncio refuses blocking sockets (in debug mode); a blocking channel here would block the loop. */
    private static void requireNonBlocking(SelectableChannel channel) {
        if (channel.isBlocking()) {
            throw new IllegalArgumentException("the socket must be non-blocking: " + channel);
        }
    }

    /** A waiting call's reader or writer: tries the call again each time the channel is ready. */
    private static final class Retry<T> implements Runnable {
        private final ChannelInterest registration;
        private final boolean read;
        private final Future<T> future;
        private final Attempt attempt;

        Retry(ChannelInterest registration, boolean read, Future<T> future, Attempt attempt) {
            this.registration = registration;
            this.read = read;
            this.future = future;
            this.attempt = attempt;
        }

        @Override
        public void run() {
            if (future.done()) {
                release();
                return;
            }
            boolean finished;
            try {
                finished = attempt.tryOnce();
            } catch (ConnectFailure e) {
                release();
                future.setException(e.translated);
                return;
            } catch (IOException e) {
                release();
                future.setException(ConnectionErrors.onConnection(e));
                return;
            }
            if (finished) {
                release();
            }
        }

        /** Unregisters this call, unless a later call on the channel took its place. */
        void release() {
            if (read && registration.reader() == this) {
                registration.setReader(null);
            } else if (!read && registration.writer() == this) {
                registration.setWriter(null);
            }
        }
    }

    /** {@code host:port} of an address, for messages. */
    public static String describe(SocketAddress address) {
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
