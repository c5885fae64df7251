package org.jasyncio.internal.sync;

import java.util.function.Consumer;

import org.jasyncio.EventLoop;

/**
 * A waiter that is handed a resource (a lock, a permit, a queue item) when it is woken, and gives
 * it back if the task awaiting it can never take it.
 *
 * <p>Once handed over, the resource belongs to whoever holds the future, as in asyncio a task that
 * was woken holds the lock. The one case where nobody can take it is a task cancelled between the
 * hand-over and its resumption: it resumes with {@code CancelledException} and never reads the
 * result (the runtime's prompt-cancellation guarantee), and asyncio's primitives then pass the
 * resource on. The task reports that through {@link #resultAbandoned()}, and the resource goes
 * back to its owner, which hands it to the next waiter.
 *
 * @param <T> the resource
 */
public final class Handover<T> extends Waiter<T> {
    private final Consumer<? super T> giveBack;

    /**
     * @param loop the loop of the task that will await the hand-over
     * @param giveBack returns the resource to its owner when the awaiting task cannot take it
     */
    public Handover(EventLoop loop, Consumer<? super T> giveBack) {
        super(loop);
        this.giveBack = giveBack;
    }

    /**
     * Hands {@code resource} to the waiter.
     *
     * @param resource what the waiter now holds
     */
    public void give(T resource) {
        setResult(resource);
    }

    @Override
    protected void resultAbandoned() {
        giveBack.accept(result());
    }
}
