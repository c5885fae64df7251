package org.jasyncio.internal.selector;

import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.function.Consumer;
import org.jasyncio.internal.net.ChannelInterest;

/**
 * A channel's reader and writer on a selector loop: the attachment of its {@link SelectionKey}, so it
 * survives selector rebuilds (the key does not; it is looked up with {@code keyFor} on every change).
 * Readiness only queues the callbacks on the loop. Internal to jasyncio: not for users.
 */
final class Registration extends ChannelInterest implements Consumer<SelectionKey> {

    private final SelectorDriver driver;

    Registration(SelectorDriver driver, SelectableChannel channel) {
        super(channel);
        this.driver = driver;
    }

    @Override
    public void accept(SelectionKey key) {
        int ready = key.readyOps();
        if ((ready & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 && hasReader()) {
            driver.enqueue(fireReader());
        }
        if ((ready & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0 && hasWriter()) {
            driver.enqueue(fireWriter());
        }
    }

    @Override
    protected void watch(int ops) {
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
