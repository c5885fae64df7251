package org.jasyncio.internal.iter;

import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jasyncio.AsyncIterator;
import org.jasyncio.EventLoop;

/**
 * {@link AsyncIterator#toPublisher()}: one subscriber, whose demand drives the iterator. Everything
 * the subscriber hears comes from the loop's thread, one signal at a time (§1.3).
 *
 * @param <T> the elements
 */
public final class IteratorPublisher<T> implements Flow.Publisher<T> {
    private final AsyncIterator<T> iterator;
    private final EventLoop loop;
    private final AtomicBoolean taken = new AtomicBoolean();

    /**
     * @param iterator what the subscriber receives
     * @param loop the iterator's loop
     */
    public IteratorPublisher(AsyncIterator<T> iterator, EventLoop loop) {
        this.iterator = Objects.requireNonNull(iterator, "iterator");
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");   // §1.9
        if (!taken.compareAndSet(false, true)) {
            IteratorSubscription.refuse(subscriber,
                    new IllegalStateException("this AsyncIterator's publisher accepts one subscriber and has one"));
            return;
        }
        IteratorSubscription<T> subscription = new IteratorSubscription<>(iterator, loop, subscriber);
        loop.callSoonThreadsafe(subscription::start);
    }

    @Override
    public String toString() {
        return "<Publisher of " + iterator + ">";
    }
}
