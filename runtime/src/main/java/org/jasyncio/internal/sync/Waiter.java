package org.jasyncio.internal.sync;

import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;

/**
 * A future parked in a {@link WaitQueue}. Cancelling it takes it out of the queue at once, so a
 * cancelled waiter is never woken and never swallows a wake-up meant for the next one.
 *
 * @param <T> what the waiter is woken with
 */
public class Waiter<T> extends Future<T> {
    /** The done future handed out when there is nothing to wait for. */
    public static final Future<Boolean> ALREADY_TRUE = Task.completed(Boolean.TRUE);

    private WaitQueue<?> queue;

    /** @param loop the loop of the task that will await this waiter */
    public Waiter(EventLoop loop) {
        super(loop);
    }

    /** Cancels the waiter and leaves its queue. */
    @Override
    public boolean cancel(String message) {
        if (!super.cancel(message)) {
            return false;
        }
        if (queue != null) {
            queue.remove(this);
            queue = null;
        }
        return true;
    }

    final void enter(WaitQueue<?> into) {
        queue = into;
    }

    final void leave() {
        queue = null;
    }
}
