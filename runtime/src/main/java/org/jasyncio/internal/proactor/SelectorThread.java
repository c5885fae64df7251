package org.jasyncio.internal.proactor;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jasyncio.EventLoop;
import org.jasyncio.internal.loop.DaemonThreadFactory;
import org.jasyncio.internal.net.ChannelInterest;
import org.jasyncio.internal.net.Readiness;

/**
 * Readiness for a proactor loop, which has no selector of its own: one daemon thread owning a
 * {@link Selector}, started with the first watched channel (Tornado's "selector thread", which gives
 * asyncio's Windows proactor {@code add_reader}). Internal to jasyncio: not for users.
 *
 * <p>Readers and writers live on the loop's thread; each change of a channel's interest set is queued
 * for the selector thread, which applies it before its next select. After a select, the thread posts
 * the ready callbacks to the loop's thread-safe inbox, followed by a marker, and selects again only
 * once the loop has run them: a level-triggered readiness the callbacks consume is not reported twice.
 * Closing the loop stops the thread and closes the selector.
 */
final class SelectorThread implements Readiness {

    private static final System.Logger LOGGER = System.getLogger("org.jasyncio");
    private static final int SMALLEST_SWEEP = 64;

    private final EventLoop loop;
    private final Consumer<Runnable> post;
    private final String threadName;
    /**
     * The loop thread's view, one entry per channel for as long as it is open (the selector thread's
     * key may not exist yet, so the entry cannot live on the key as on a selector loop); closed
     * channels are swept out whenever the map has doubled.
     */
    private final Map<SelectableChannel, Watched> watched = new HashMap<>();
    private int sweepAt = SMALLEST_SWEEP;
    private final Queue<Runnable> changes = new ConcurrentLinkedQueue<>();
    /** Released by the loop once it ran the callbacks of one select, and by {@link #close()}. */
    private final Semaphore handled = new Semaphore(0);
    private Selector selector;
    private Thread thread;
    private volatile boolean closed;

    /** Watches channels for {@code loop}, posting ready callbacks with {@code post}; starts no thread yet. */
    SelectorThread(EventLoop loop, Consumer<Runnable> post, String threadName) {
        this.loop = loop;
        this.post = post;
        this.threadName = threadName;
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    @Override
    public ChannelInterest interest(SelectableChannel channel) {
        Watched interest = watched.get(channel);
        if (interest == null) {
            Readiness.makeNonBlocking(channel);
            interest = new Watched(channel);
            watched.put(channel, interest);
            if (watched.size() >= sweepAt) {
                watched.keySet().removeIf(known -> !known.isOpen());
                sweepAt = Math.max(SMALLEST_SWEEP, 2 * watched.size());
            }
        }
        return interest;
    }

    @Override
    public ChannelInterest existingInterest(SelectableChannel channel) {
        return watched.get(channel);
    }

    private void start() {
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the proactor's selector: " + e.getMessage(), e);
        }
        thread = new DaemonThreadFactory(threadName).newThread(this::run);
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                Runnable change;
                while ((change = changes.poll()) != null) {
                    change.run();
                }
                selector.select();
                if (!selector.selectedKeys().isEmpty() && !closed) {
                    postReady();
                    handled.acquireUninterruptibly();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(System.Logger.Level.ERROR, "The proactor's selector thread failed; readiness callbacks"
                    + " of loop " + loop.id() + " stop", e);
        } finally {
            try {
                selector.close();
            } catch (IOException e) {
                LOGGER.log(System.Logger.Level.DEBUG, "Closing the proactor's selector failed", e);
            }
        }
    }

    private void postReady() {
        try {
            for (SelectionKey key : selector.selectedKeys()) {
                Watched interest = (Watched) key.attachment();
                int ready = key.readyOps();
                if ((ready & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0) {
                    post.accept(interest.readerCall());
                }
                if ((ready & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0) {
                    post.accept(interest.writerCall());
                }
            }
            post.accept(handled::release);
        } catch (IllegalStateException closedLoop) {
            handled.release();
        }
        selector.selectedKeys().clear();
    }

    /**
     * Stops the thread, waiting up to {@code seconds} for it, and so closes the selector (which releases
     * the descriptors of channels closed while watched). Called once the loop is closed.
     */
    void close(long seconds) throws InterruptedException {
        closed = true;
        if (thread != null) {
            handled.release();
            selector.wakeup();
            thread.join(TimeUnit.SECONDS.toMillis(seconds));
        }
        watched.clear();
    }

    /** A channel's reader and writer, its interest set handed to the selector thread on each change. */
    private final class Watched extends ChannelInterest {

        Watched(SelectableChannel channel) {
            super(channel);
        }

        Runnable readerCall() {
            return fireReader();
        }

        Runnable writerCall() {
            return fireWriter();
        }

        @Override
        protected void watch(int ops) {
            if (selector == null) {
                if (ops == 0) {
                    return;
                }
                start();
            }
            changes.add(() -> apply(ops));
            selector.wakeup();
        }

        /** On the selector thread. */
        private void apply(int ops) {
            SelectionKey key = channel.keyFor(selector);
            try {
                if (key != null) {
                    if (key.isValid()) {
                        key.interestOps(ops);
                    }
                } else if (ops != 0 && channel.isOpen()) {
                    channel.register(selector, ops, this);
                }
            } catch (ClosedChannelException | CancelledKeyException closedMeanwhile) {
                // The channel was closed on the loop's thread: there is nothing left to watch.
            }
        }
    }
}
