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
    private Runnable onLanded;
    private Runnable onGiven;

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

    /**
     * Hands {@code resource} to the waiter and says when it has landed: when the waiter took it
     * (read the result on resuming), gave it back, or, if no task awaited it, once its wake-up
     * had its turn on the loop.
     *
     * @param resource what the waiter now holds
     * @param landed run once, when the resource has landed
     */
    public void give(T resource, Runnable landed) {
        onLanded = landed;
        setResult(resource);
        if (onGiven != null) {
            onGiven.run();
        }
        // registered after the awaiting task's wake-up, so it runs right after the task resumed
        addDoneCallback(self -> land());
    }

    /**
     * Runs {@code action} as soon as the resource is handed over, inside the hand-over, instead of
     * a loop iteration later as a done callback would: for a primitive built on another (a
     * condition's wait on its lock), so that its own waiter wakes when asyncio's inline
     * {@code await} would.
     *
     * @param action reads the result and completes the primitive's own waiter
     */
    public void onGiven(Runnable action) {
        onGiven = action;
    }

    @Override
    public T result() {
        T resource = super.result();
        land();
        return resource;
    }

    @Override
    protected void resultAbandoned() {
        land();
        giveBack.accept(super.result());
    }

    private void land() {
        Runnable landed = onLanded;
        if (landed != null) {
            onLanded = null;
            landed.run();
        }
    }
}
