package org.jasyncio.internal.iter;

import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.Flow;

import org.jasyncio.AsyncIterator;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;

/**
 * {@link AsyncIterator#fromPublisher}: subscribes at the first {@code hasNext()} and requests one
 * element for each {@code hasNext()} that finds none buffered, so the publisher never runs more
 * than one element ahead. It is the subscriber too: the publisher may signal from any thread, and
 * each signal is handed to the loop, where all of the iterator's state lives.
 *
 * @param <T> the elements
 */
public final class PublisherIterator<T> implements AsyncIterator<T>, Flow.Subscriber<T> {
    private final Flow.Publisher<? extends T> publisher;
    private final EventLoop loop;
    /** Elements received and not yet taken: one, unless the publisher ignores the demand. */
    private final ArrayDeque<T> received = new ArrayDeque<>(2);
    private Flow.Subscription subscription;
    private boolean subscribed;
    private boolean requested;
    private boolean completed;
    private boolean closed;
    private Throwable failure;
    private Future<Boolean> asked;

    /**
     * @param publisher subscribed to at the first {@link #hasNext()}
     * @param loop the loop that the iterator's state and futures belong to
     */
    public PublisherIterator(Flow.Publisher<? extends T> publisher, EventLoop loop) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    public Future<Boolean> hasNext() {
        if (!received.isEmpty()) {
            return Answers.TRUE;
        }
        if (failure != null) {
            // the failure ends the iteration: it comes out of one hasNext(), as asyncio raises it once
            Future<Boolean> failed = loop.createFuture();
            failed.setException(failure);
            failure = null;
            return failed;
        }
        if (completed || closed) {
            return Answers.FALSE;
        }
        if (asked == null || asked.done()) {
            asked = loop.createFuture();
        }
        if (!subscribed) {
            subscribed = true;
            publisher.subscribe(this);
        }
        // nothing until the subscription arrives: onSubscribe then requests for the pending asker
        requestOne();
        return asked;
    }

    @Override
    public T next() {
        T element = received.poll();
        if (element == null) {
            throw new NoSuchElementException("next() without an element: await hasNext() and check that it is true");
        }
        return element;
    }

    @Override
    public Future<Void> close() {
        if (!closed) {
            closed = true;
            received.clear();
            if (subscription != null) {
                subscription.cancel();
            }
            answer(Boolean.FALSE);
        }
        return Answers.CLOSED;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        Objects.requireNonNull(subscription, "subscription");
        onLoop(() -> {
            if (this.subscription != null || closed) {
                // §2.5: one subscription at a time; a closed iterator wants none
                subscription.cancel();
                return;
            }
            this.subscription = subscription;
            if (asked != null && !asked.done()) {
                requestOne();
            }
        }, subscription);
    }

    @Override
    public void onNext(T item) {
        Objects.requireNonNull(item, "item");
        onLoop(() -> {
            if (closed || completed) {
                return;
            }
            requested = false;
            received.add(item);
            answer(Boolean.TRUE);
        }, null);
    }

    @Override
    public void onError(Throwable throwable) {
        Objects.requireNonNull(throwable, "throwable");
        onLoop(() -> {
            if (closed || completed) {
                return;
            }
            completed = true;
            if (asked != null && !asked.done()) {
                asked.setException(throwable);
                asked = null;
            } else {
                failure = throwable;
            }
        }, null);
    }

    @Override
    public void onComplete() {
        onLoop(() -> {
            completed = true;
            answer(Boolean.FALSE);
        }, null);
    }

    private void requestOne() {
        if (subscription != null && !requested) {
            requested = true;
            subscription.request(1);
        }
    }

    private void answer(Boolean more) {
        Future<Boolean> waiting = asked;
        asked = null;
        if (waiting != null && !waiting.done()) {
            waiting.setResult(more);
        }
    }

    /** §2.13: a signal must return normally, so a loop that is closed only drops it (and the subscription). */
    private void onLoop(Runnable signal, Flow.Subscription toCancelIfClosed) {
        try {
            loop.callSoonThreadsafe(signal);
        } catch (RuntimeException loopClosed) {
            if (toCancelIfClosed != null) {
                toCancelIfClosed.cancel();
            }
        }
    }

    @Override
    public String toString() {
        return "<AsyncIterator of " + publisher + ">";
    }
}
