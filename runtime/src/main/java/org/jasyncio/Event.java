package org.jasyncio;

import org.jasyncio.internal.sync.WaitQueue;
import org.jasyncio.internal.sync.Waiter;

/**
 * asyncio's {@code Event}: a flag that tasks wait for. {@link #set()} wakes every waiting task
 * (in the order they started waiting); while the flag stays set, {@link #waitAsync()} returns at
 * once; {@link #clear()} lowers it again. Use an event from its loop's thread only.
 *
 * <pre>{@code
 * await(ready.waitAsync());   // asyncio's event.wait(): wait() is Object's
 * }</pre>
 */
public final class Event {
    private boolean flag;
    private final WaitQueue<Waiter<Boolean>> waiting = new WaitQueue<>();

    /**
     * Waits until the flag is set (asyncio's {@code wait()}). Cancelling the returned future
     * only withdraws this waiter.
     *
     * @return a future that is {@code true} once the flag is set; already done if it is
     */
    public Future<Boolean> waitAsync() {
        if (flag) {
            return Waiter.ALREADY_TRUE;
        }
        return waiting.add(new Waiter<>(AsyncIO.getEventLoop()));
    }

    /** Sets the flag and wakes every waiter; does nothing if it is already set. */
    public void set() {
        if (!flag) {
            flag = true;
            waiting.drain(waiter -> waiter.setResult(Boolean.TRUE));
        }
    }

    /** Lowers the flag: later {@link #waitAsync()} calls wait for the next {@link #set()}. */
    public void clear() {
        flag = false;
    }

    /** @return whether the flag is set */
    public boolean isSet() {
        return flag;
    }

    /** asyncio's repr: {@code <Event [unset, waiters:1]>} or {@code <Event [set]>}. */
    @Override
    public String toString() {
        int waiters = waiting.size();
        return "<Event [" + (flag ? "set" : "unset") + (waiters > 0 ? ", waiters:" + waiters : "") + "]>";
    }
}
