package org.jasyncio.internal.sync;

import java.util.function.Consumer;

import org.jasyncio.CancelledException;
import org.jasyncio.EventLoop;

/**
 * A waiter that is handed a resource (a lock, a permit, a queue item) when it is woken, and gives
 * it back if nobody takes it.
 *
 * <p>The resource counts as taken when {@link #result()} is read, which {@code await} does as
 * the awaiting task resumes. If the task was cancelled between the hand-over and its
 * resumption, it resumes with {@code CancelledException} and never reads the result (the
 * runtime's prompt-cancellation guarantee); asyncio's primitives pass the resource on in that
 * case, and so does this: once the callbacks that the hand-over scheduled have run, an untaken
 * resource goes back to its owner, and a later {@code result()} throws
 * {@code CancelledException} instead of pretending the caller holds it.
 *
 * @param <T> the resource
 */
public final class Handover<T> extends Waiter<T> {
    private final Consumer<? super T> giveBack;
    private boolean taken;
    private boolean givenBack;

    /**
     * @param loop the loop of the task that will await the hand-over
     * @param giveBack returns the resource to its owner when nobody took it
     */
    public Handover(EventLoop loop, Consumer<? super T> giveBack) {
        super(loop);
        this.giveBack = giveBack;
    }

    /**
     * Hands {@code resource} to the waiter and schedules the check that gives it back if the
     * waiter does not take it.
     *
     * @param resource what the waiter now holds
     */
    public void give(T resource) {
        setResult(resource);
        // queued after the done callbacks setResult scheduled, so the awaiting task has resumed by then
        getLoop().callSoon(() -> {
            if (!taken) {
                givenBack = true;
                giveBack.accept(resource);
            }
        });
    }

    /**
     * Takes the resource.
     *
     * @throws CancelledException if it was passed on because nobody took it in time: await the
     *     future right where it is returned (or wrap the call in a task) so that it is taken
     */
    @Override
    public T result() {
        if (givenBack) {
            throw new CancelledException("the waiter did not take what it was handed when it was woken, so it was "
                    + "passed on; await it right away");
        }
        T resource = super.result();
        taken = true;
        return resource;
    }
}
