package org.jasyncio.internal.selector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jasyncio.spi.Poller;

/**
 * A {@link Poller} on a {@link Selector}. Internal to jasyncio: not for users.
 *
 * <p>Each ready key is handed to its attachment, which must be a {@code Consumer<SelectionKey>}
 * (keys without such an attachment are ignored); the consumer only queues work on the loop. Zero
 * timeouts use {@code selectNow()} (because {@code select(0)} blocks forever) and positive ones are
 * rounded <em>up</em> to whole milliseconds, so a sub-millisecond timer costs one short sleep instead
 * of a busy spin; a zero timeout with no channel registered makes no system call at all. If the selector returns early with nothing selected and no wake-up
 * {@value #SPIN_THRESHOLD} times in a row (the JDK epoll spin bug), or throws {@link IOException},
 * it is replaced by a new one with every channel re-registered; code that does I/O must therefore
 * look keys up with {@code channel.keyFor(poller.selector())} rather than keep them.
 */
public final class SelectorPoller implements Poller {

    /** Consecutive premature empty selects after which the selector is rebuilt (Netty's default). */
    public static final int SPIN_THRESHOLD = 512;

    private static final System.Logger LOGGER = System.getLogger("org.jasyncio");
    private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    /** Opens a selector; the injection point for tests. */
    @FunctionalInterface
    public interface SelectorOpener {
        /** Opens a new selector. */
        Selector open() throws IOException;
    }

    private final SelectorOpener opener;
    private final Consumer<SelectionKey> dispatch = SelectorPoller::dispatch;
    private volatile Selector selector;
    private final AtomicBoolean wokenUp = new AtomicBoolean();
    private int prematureReturns;
    private int rebuilds;

    /** Creates a poller on a selector from {@code opener}, which is used again for every rebuild. */
    public SelectorPoller(SelectorOpener opener) {
        this.opener = opener;
        this.selector = open(opener);
    }

    /** Creates a poller on the platform's default selector. */
    public SelectorPoller() {
        this(Selector::open);
    }

    /** The current selector; it changes when the poller rebuilds it. */
    public Selector selector() {
        return selector;
    }

    /** How many times the selector was rebuilt. */
    public int rebuilds() {
        return rebuilds;
    }

    @Override
    public void poll(long timeoutNanos) {
        if (timeoutNanos == 0 && selector.keys().isEmpty()) {
            // Nothing can be ready: skip the system call, which dominates iterations of pure callbacks.
            return;
        }
        long start = System.nanoTime();
        int selected;
        try {
            if (timeoutNanos == 0) {
                selected = selector.selectNow(dispatch);
            } else if (timeoutNanos == INDEFINITELY) {
                selected = selector.select(dispatch);
            } else {
                selected = selector.select(dispatch, toMillisRoundedUp(timeoutNanos));
            }
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Selector failed; rebuilding it", e);
            rebuildSelector();
            return;
        }
        // Read and clear after the select: a wake-up that came before it made it return early on purpose.
        boolean woken = wokenUp.getAndSet(false);
        if (timeoutNanos == 0 || selected > 0 || woken) {
            prematureReturns = 0;
            return;
        }
        boolean premature = timeoutNanos == INDEFINITELY || System.nanoTime() - start < timeoutNanos;
        if (premature && ++prematureReturns >= SPIN_THRESHOLD) {
            LOGGER.log(System.Logger.Level.WARNING,
                    "Selector returned early " + prematureReturns + " times in a row; rebuilding it");
            rebuildSelector();
        } else if (!premature) {
            prematureReturns = 0;
        }
    }

    @Override
    public void wakeup() {
        wokenUp.set(true);
        selector.wakeup();
    }

    /**
     * Lets the JDK release, now, the sockets of channels closed since the last selection: it keeps a
     * registered channel's socket open until a selection operation deregisters its cancelled key, so a
     * listening socket closed on the loop would go on completing connections into its backlog until the
     * next poll, where asyncio's {@code close()} closes it at once. Harmless to the other channels: the
     * selector is level-triggered, so readiness this selection sees is seen again by the next one.
     */
    public void deregisterCancelledKeys() {
        try {
            selector.selectNow(key -> { });
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Selector failed while deregistering closed channels", e);
        }
    }

    /**
     * Replaces the selector with a new one from the opener, re-registering every valid key's channel
     * with the same interest set and attachment, and closes the old one.
     */
    public void rebuildSelector() {
        Selector old = selector;
        Selector fresh = open(opener);
        for (SelectionKey key : old.keys()) {
            if (!key.isValid()) {
                continue;
            }
            SelectableChannel channel = key.channel();
            int ops = key.interestOps();
            Object attachment = key.attachment();
            key.cancel();
            try {
                channel.register(fresh, ops, attachment);
            } catch (ClosedChannelException e) {
                LOGGER.log(System.Logger.Level.DEBUG, "Channel closed during selector rebuild: " + channel);
            }
        }
        selector = fresh;
        prematureReturns = 0;
        rebuilds++;
        closeQuietly(old);
    }

    @Override
    public void close() {
        closeQuietly(selector);
    }

    private static long toMillisRoundedUp(long nanos) {
        return (nanos + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI;
    }

    @SuppressWarnings("unchecked")
    private static void dispatch(SelectionKey key) {
        if (key.attachment() instanceof Consumer) {
            ((Consumer<SelectionKey>) key.attachment()).accept(key);
        }
    }

    private static Selector open(SelectorOpener opener) {
        try {
            return opener.open();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a selector", e);
        }
    }

    private static void closeQuietly(Selector selector) {
        try {
            selector.close();
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Closing a selector failed", e);
        }
    }
}
