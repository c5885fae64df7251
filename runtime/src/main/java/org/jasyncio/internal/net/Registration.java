package org.jasyncio.internal.net;

import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * A channel's reader and writer on a selector loop: the attachment of its {@link SelectionKey}, so it
 * survives selector rebuilds (the key does not; it is looked up with {@code keyFor} on every change).
 * Readiness only queues the callbacks on the loop; a callback removed before its turn is skipped.
 * Internal to jasyncio: not for users.
 */
final class Registration implements Consumer<SelectionKey> {

    private final SelectorDriver driver;
    private final SelectableChannel channel;
    private final Runnable fireReader = this::fireReader;
    private final Runnable fireWriter = this::fireWriter;
    private Runnable reader;
    private Runnable writer;

    Registration(SelectorDriver driver, SelectableChannel channel) {
        this.driver = driver;
        this.channel = channel;
    }

    /** @return whether a reader was set before */
    boolean setReader(Runnable callback) {
        boolean had = reader != null;
        reader = callback;
        updateInterest();
        return had;
    }

    /** @return whether a writer was set before */
    boolean setWriter(Runnable callback) {
        boolean had = writer != null;
        writer = callback;
        updateInterest();
        return had;
    }

    boolean hasWriter() {
        return writer != null;
    }

    @Override
    public void accept(SelectionKey key) {
        int ready = key.readyOps();
        if ((ready & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 && reader != null) {
            driver.enqueue(fireReader);
        }
        if ((ready & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0 && writer != null) {
            driver.enqueue(fireWriter);
        }
    }

    private void fireReader() {
        Runnable callback = reader;
        if (callback != null) {
            callback.run();
        }
    }

    private void fireWriter() {
        Runnable callback = writer;
        if (callback != null) {
            callback.run();
        }
    }

    private void updateInterest() {
        int valid = channel.validOps();
        int ops = 0;
        if (reader != null) {
            ops |= valid & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
        }
        if (writer != null) {
            boolean connecting = channel instanceof SocketChannel && ((SocketChannel) channel).isConnectionPending();
            ops |= valid & (connecting ? SelectionKey.OP_CONNECT : SelectionKey.OP_WRITE);
        }
        SelectionKey key = channel.keyFor(driver.selector());
        if (key != null) {
            if (key.isValid()) {
                key.interestOps(ops);
            }
            return;
        }
        if (ops == 0 || !channel.isOpen()) {
            return;
        }
        try {
            // Keys are never cancelled by us, only by closing the channel: re-registering a channel whose
            // key was cancelled in the same iteration would throw.
            channel.register(driver.selector(), ops, this);
        } catch (ClosedChannelException e) {
            throw new IllegalStateException("Channel is closed: " + channel, e);
        }
    }
}
