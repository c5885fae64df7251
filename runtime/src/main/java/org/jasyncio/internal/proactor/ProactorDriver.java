package org.jasyncio.internal.proactor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jasyncio.DatagramProtocol;
import org.jasyncio.DatagramTransport;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.ServerOptions;
import org.jasyncio.Transport;
import org.jasyncio.internal.loop.DaemonThreadFactory;
import org.jasyncio.internal.net.ConnectionErrors;
import org.jasyncio.internal.net.Listener;
import org.jasyncio.internal.net.NetworkDriver;
import org.jasyncio.internal.net.QuietClose;
import org.jasyncio.internal.net.OutgoingConnection;
import org.jasyncio.internal.net.ServerConnections;
import org.jasyncio.internal.net.SocketCalls;
import org.jasyncio.internal.net.SocketSetup;

/**
 * {@link NetworkDriver} of a proactor loop: NIO.2's completion model. Sockets are
 * {@link AsynchronousSocketChannel}s of the driver's own {@link AsynchronousChannelGroup} (I/O
 * completion ports on Windows, epoll on Linux, kqueue on macOS) with {@value #GROUP_THREADS} threads;
 * each {@link CompletionHandler} only posts the outcome to the loop's thread-safe inbox, so protocols
 * and futures still run on the loop's thread. Internal to jasyncio: not for users.
 *
 * <p>Readiness callbacks ({@code addReader}/{@code addWriter}) and asyncio's {@code sock_*} calls take
 * {@link SelectableChannel}s, which cannot join a channel group: a {@link SelectorThread}, started with
 * the first of them, watches those channels and posts their callbacks to the loop. UDP has no completion channel in the JDK, so each endpoint's receives block on a
 * thread of the driver's own pool, as asyncio's proactor keeps one receive outstanding per endpoint.
 */
public final class ProactorDriver implements NetworkDriver {

    /** The channel group's thread count: completions only post to the loop, so few threads suffice. */
    static final int GROUP_THREADS = 2;

    /** How long closing the loop waits for the channel group's threads. */
    static final long SHUTDOWN_SECONDS = 10;

    private static final System.Logger LOGGER = System.getLogger("org.jasyncio");

    private final EventLoop loop;
    private final Consumer<Runnable> post;
    private final String threadPrefix;
    private AsynchronousChannelGroup group;
    /** The group's threads, joined on close: a terminated group's threads may still be on their way out. */
    private final List<Thread> groupThreads = new CopyOnWriteArrayList<>();
    private ExecutorService datagramReceivers;
    private final SelectorThread selectorThread;
    private final SocketCalls socketCalls;
    private boolean closed;

    /**
     * A driver for {@code loop}, delivering completions with {@code post} (the loop's thread-safe,
     * handle-free {@code callSoonThreadsafe}). The channel group starts with the first socket.
     */
    public ProactorDriver(EventLoop loop, Consumer<Runnable> post) {
        this.loop = loop;
        this.post = post;
        this.threadPrefix = "jasyncio-proactor" + loop.id();
        this.selectorThread = new SelectorThread(loop, post, threadPrefix + "-selector");
        this.socketCalls = new SocketCalls(selectorThread);
    }

    EventLoop loop() {
        return loop;
    }

    /**
     * Hands {@code completion} to the loop from a channel group thread. After the loop closed, nothing
     * waits for it: the group was shut down with the loop, closing every channel.
     */
    void post(Runnable completion) {
        try {
            post.accept(completion);
        } catch (IllegalStateException closedLoop) {
            LOGGER.log(System.Logger.Level.DEBUG, "Completion after the loop closed dropped: " + completion);
        }
    }

    private AsynchronousChannelGroup group() throws IOException {
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
        if (group == null) {
            DaemonThreadFactory threads = new DaemonThreadFactory(threadPrefix + "-io");
            group = AsynchronousChannelGroup.withFixedThreadPool(GROUP_THREADS, work -> {
                Thread thread = threads.newThread(work);
                groupThreads.add(thread);
                return thread;
            });
        }
        return group;
    }

    ExecutorService datagramReceivers() {
        if (datagramReceivers == null) {
            datagramReceivers = Executors.newCachedThreadPool(new DaemonThreadFactory(threadPrefix + "-udp"));
        }
        return datagramReceivers;
    }

    /**
     * Closes every channel and stops the group's, the selector thread's and the datagram receivers'
     * threads, waiting up to
     * {@value #SHUTDOWN_SECONDS} s for each (the group's own descriptors, and a datagram channel closed
     * under a blocked receive, are released as those threads leave), as asyncio's proactor waits for its
     * cancelled operations on close. Called once the loop is closed.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (group != null) {
                group.shutdownNow();
                awaitTermination("channel group", group.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS));
                for (Thread thread : groupThreads) {
                    thread.join(TimeUnit.SECONDS.toMillis(SHUTDOWN_SECONDS));
                }
            }
            selectorThread.close(SHUTDOWN_SECONDS);
            if (datagramReceivers != null) {
                datagramReceivers.shutdownNow();
                awaitTermination("datagram receivers",
                        datagramReceivers.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS));
            }
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Shutting down the proactor's channel group failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitTermination(String what, boolean terminated) {
        if (!terminated) {
            LOGGER.log(System.Logger.Level.WARNING, "The proactor's " + what + " did not stop within "
                    + SHUTDOWN_SECONDS + " s");
        }
    }

    @Override
    public SocketCalls socketCalls() {
        return socketCalls;
    }

    @Override
    public Future<Transport> connect(SocketAddress address, Supplier<? extends Protocol> factory) {
        return new OutgoingConnection<AsynchronousSocketChannel>(
                () -> {
                    AsynchronousSocketChannel channel = AsynchronousSocketChannel.open(group());
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    return channel;
                },
                channel -> connecting(channel, address),
                channel -> new CompletionTransport(this, channel, factory.get(), null)).start(loop, address);
    }

    /** Connects {@code channel}; the completion, translated, is posted to the loop's thread. */
    private Future<Void> connecting(AsynchronousSocketChannel channel, SocketAddress address) {
        Future<Void> connected = loop.createFuture();
        channel.connect(address, null, new CompletionHandler<Void, Void>() {
            @Override
            public void completed(Void result, Void attachment) {
                post(() -> {
                    if (!connected.done()) {
                        connected.setResult(null);
                    }
                });
            }

            @Override
            public void failed(Throwable failure, Void attachment) {
                post(() -> {
                    if (!connected.done()) {
                        connected.setException(failure instanceof IOException
                                ? ConnectionErrors.onConnect((IOException) failure, SocketCalls.describe(address)) : failure);
                    }
                });
            }
        });
        return connected;
    }

    @Override
    public Listener listen(SocketAddress address, ServerOptions options, ServerConnections connections)
            throws IOException {
        AsynchronousServerSocketChannel channel = AsynchronousServerSocketChannel.open(group());
        try {
            SocketSetup.reuseAddresses(channel, options);
            channel.bind(address, options.backlog());
        } catch (IOException | RuntimeException e) {
            QuietClose.close(channel);
            throw e;
        }
        return new CompletionAcceptor(this, channel, connections);
    }

    /** NIO.2's asynchronous channels are TCP only, as asyncio's proactor is. */
    @Override
    public boolean supportsUnixSockets() {
        return false;
    }

    /** A transport for an accepted {@code channel}, attached to {@code connections}. */
    void accepted(AsynchronousSocketChannel channel, ServerConnections connections) {
        connections.adopt(channel, () -> {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            return new CompletionTransport(this, channel, connections.newProtocol(), connections);
        });
    }

    @Override
    public DatagramTransport openDatagram(InetSocketAddress local, InetSocketAddress remote, DatagramProtocol protocol)
            throws IOException {
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
        DatagramChannel channel = SocketSetup.openDatagram(local, remote);
        try {
            BlockingDatagramTransport transport = new BlockingDatagramTransport(this, channel, protocol, remote);
            transport.start();
            return transport;
        } catch (IOException | RuntimeException e) {
            QuietClose.close(channel);
            throw e;
        }
    }
}
