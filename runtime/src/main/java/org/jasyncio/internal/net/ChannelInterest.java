package org.jasyncio.internal.net;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A channel's reader and writer callbacks on a loop with readiness callbacks, and the interest set
 * they add up to. Lives on the loop's thread; a subclass hands each new interest set to its selector
 * ({@link #watch}) and queues {@link #fireReader()}/{@link #fireWriter()} when the channel is ready.
 * A callback removed before its turn is skipped. Internal to jasyncio: not for users.
 */
public abstract class ChannelInterest {

    /** The channel watched. */
    protected final SelectableChannel channel;
    private final Runnable fireReader = this::runReader;
    private final Runnable fireWriter = this::runWriter;
    private Runnable reader;
    private Runnable writer;

    /** Interest in {@code channel}, with no reader and no writer yet. */
    protected ChannelInterest(SelectableChannel channel) {
        this.channel = channel;
    }

    /**
     * Makes {@code callback} ({@code null}: none) the channel's reader.
     *
     * @return whether a reader was set before
     */
    public final boolean setReader(Runnable callback) {
        boolean had = reader != null;
        reader = callback;
        watch(interestOps());
        return had;
    }

    /**
     * Makes {@code callback} ({@code null}: none) the channel's writer; a connecting
     * {@link SocketChannel}'s writer waits for its connect to finish.
     *
     * @return whether a writer was set before
     */
    public final boolean setWriter(Runnable callback) {
        boolean had = writer != null;
        writer = callback;
        watch(interestOps());
        return had;
    }

    /** The channel's reader, or {@code null}. */
    public final Runnable reader() {
        return reader;
    }

    /** The channel's writer, or {@code null}. */
    public final Runnable writer() {
        return writer;
    }

    protected final boolean hasReader() {
        return reader != null;
    }

    protected final boolean hasWriter() {
        return writer != null;
    }

    /** Runs the reader current at the time it runs: queue this when the channel is readable. */
    protected final Runnable fireReader() {
        return fireReader;
    }

    /** Runs the writer current at the time it runs: queue this when the channel is writable. */
    protected final Runnable fireWriter() {
        return fireWriter;
    }

    /** Asks the selector to watch the channel for {@code ops} (0: nothing) from now on. */
    protected abstract void watch(int ops);

    private int interestOps() {
        int valid = channel.validOps();
        int ops = 0;
        if (reader != null) {
            ops |= valid & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
        }
        if (writer != null) {
            boolean connecting = channel instanceof SocketChannel && ((SocketChannel) channel).isConnectionPending();
            ops |= valid & (connecting ? SelectionKey.OP_CONNECT : SelectionKey.OP_WRITE);
        }
        return ops;
    }

    private void runReader() {
        Runnable callback = reader;
        if (callback != null) {
            callback.run();
        }
    }

    private void runWriter() {
        Runnable callback = writer;
        if (callback != null) {
            callback.run();
        }
    }
}
