package org.jasyncio;

import java.util.AbstractList;
import java.util.List;

/**
 * What {@link AsyncIO#asCompleted} returns, both ways asyncio 3.13's {@code as_completed()} can be
 * iterated. As a (read-only) {@link List} it holds new futures, the first completing as whichever
 * given future finishes first, the second as the next, and so on ({@code for f in as_completed(fs):
 * await f}). As an {@link AsyncIterator} it hands out the given futures themselves, each once it is
 * done, in the order they finish ({@code async for f in as_completed(fs)}); after the timeout its
 * {@code hasNext()} fails with {@link TimeoutException}.
 *
 * <pre>{@code
 * for (CompletionOrder<Page> order = asCompleted(fetches); await(order.hasNext()); ) {
 *     Future<? extends Page> done = order.next();          // one of `fetches`, done
 *     show(done.result());
 * }
 * }</pre>
 *
 * @param <T> the type of the results
 */
public final class CompletionOrder<T> extends AbstractList<Future<T>> implements AsyncIterator<Future<? extends T>> {
    private final List<Future<T>> slots;
    private final AsCompleted<T> call;

    CompletionOrder(List<Future<T>> slots, AsCompleted<T> call) {
        this.slots = slots;
        this.call = call;
    }

    /** @return the future completing as the {@code index}-th given future to finish */
    @Override
    public Future<T> get(int index) {
        return slots.get(index);
    }

    /** @return how many distinct futures were given */
    @Override
    public int size() {
        return slots.size();
    }

    /** @return completes with {@code true} once a given future not yet handed out is done */
    @Override
    public Future<Boolean> hasNext() {
        return call.hasNext();
    }

    /** @return the given future that {@link #hasNext()} announced, done */
    @Override
    public Future<? extends T> next() {
        return call.next();
    }

    /** Ends the async iteration; the list side and the given futures are left as they are. */
    @Override
    public Future<Void> close() {
        call.close();
        return org.jasyncio.internal.iter.Answers.CLOSED;
    }
}
