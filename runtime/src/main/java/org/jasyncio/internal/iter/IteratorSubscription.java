package org.jasyncio.internal.iter;

import java.util.Map;
import java.util.LinkedHashMap;
import java.util.concurrent.Flow;

import org.jasyncio.AsyncIterator;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;

/**
 * The subscription of an {@link IteratorPublisher}'s subscriber: {@code request(n)} and
 * {@code cancel()} may come from any thread and are handed to the loop, where the demand is kept and
 * the iterator is asked for one element at a time. Handing them over (instead of acting at once)
 * also keeps a {@code request} made inside {@code onNext} from recursing (§3.3).
 *
 * @param <T> the elements
 */
final class IteratorSubscription<T> implements Flow.Subscription {
    /**
     * Elements signalled in one loop callback before the rest of the demand waits for the loop's next
     * iteration: a generator answers {@code hasNext()} at once, so under unbounded demand an endless
     * one would otherwise keep the loop (and a {@code cancel()} handed to it) from running anything else.
     */
    private static final int ELEMENTS_PER_TURN = 64;

    private final AsyncIterator<T> iterator;
    private final EventLoop loop;
    /** Dropped when the subscription ends, so a cancelled subscriber can be collected (§3.13). */
    private Flow.Subscriber<? super T> subscriber;
    private long demand;
    /** An asked {@code hasNext()} is pending: its callback goes on. */
    private boolean asking;
    private boolean ended;

    IteratorSubscription(AsyncIterator<T> iterator, EventLoop loop, Flow.Subscriber<? super T> subscriber) {
        this.iterator = iterator;
        this.loop = loop;
        this.subscriber = subscriber;
    }

    /** Gives a subscriber that cannot be served a subscription that does nothing, then the reason (§1.9). */
    static <T> void refuse(Flow.Subscriber<? super T> subscriber, Throwable reason) {
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        subscriber.onError(reason);
    }

    void start() {
        Flow.Subscriber<? super T> target = subscriber;
        try {
            target.onSubscribe(this);
        } catch (RuntimeException | Error e) {
            // §2.13: a subscriber that throws broke the rules; the subscription is void
            end(false);
            report("onSubscribe", e);
        }
    }

    @Override
    public void request(long n) {
        loop.callSoonThreadsafe(() -> demand(n));
    }

    @Override
    public void cancel() {
        try {
            loop.callSoonThreadsafe(() -> end(true));
        } catch (RuntimeException loopClosed) {
            subscriber = null;
        }
    }

    private void demand(long n) {
        if (ended) {
            return;
        }
        if (n <= 0) {
            fail(new IllegalArgumentException("§3.9: request(" + n + "): the number of elements requested must be positive"));
            return;
        }
        demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;   // §3.17: a demand that overflows is unbounded
        deliver();
    }

    /**
     * Asks the iterator while there is demand; an answer already known is handled in this loop, not by
     * recursion, up to {@link #ELEMENTS_PER_TURN} of them.
     */
    private void deliver() {
        for (int handled = 0; !ended && !asking && demand > 0; handled++) {
            if (handled == ELEMENTS_PER_TURN) {
                loop.callSoon(this::deliver);
                return;
            }
            Future<Boolean> answer = iterator.hasNext();
            if (!answer.done()) {
                asking = true;
                answer.addDoneCallback(this::answered);
                return;
            }
            handle(answer);
        }
    }

    private void answered(Future<Boolean> answer) {
        asking = false;
        if (!ended) {
            handle(answer);
            deliver();
        }
    }

    private void handle(Future<Boolean> answer) {
        Throwable failure = answer.cancelled() ? new java.util.concurrent.CancellationException("hasNext() was cancelled")
                : answer.exception();
        if (failure != null) {
            fail(failure);
        } else if (!answer.result()) {
            Flow.Subscriber<? super T> target = subscriber;
            end(false);
            signal(() -> target.onComplete(), "onComplete");
        } else {
            T element = iterator.next();
            if (element == null) {
                fail(new NullPointerException("§2.13: the iterator produced null, which a publisher may not signal"));
                return;
            }
            demand--;
            Flow.Subscriber<? super T> target = subscriber;
            if (!signal(() -> target.onNext(element), "onNext")) {
                end(true);
            }
        }
    }

    private void fail(Throwable failure) {
        Flow.Subscriber<? super T> target = subscriber;
        end(true);
        signal(() -> target.onError(failure), "onError");
    }

    /** Stops signalling and drops the subscriber; {@code close}: also close the iterator (it did not end by itself). */
    private void end(boolean close) {
        if (ended) {
            return;
        }
        ended = true;
        subscriber = null;
        if (close) {
            iterator.close();
        }
    }

    private boolean signal(Runnable call, String which) {
        try {
            call.run();
            return true;
        } catch (RuntimeException | Error e) {
            report(which, e);
            return false;
        }
    }

    private void report(String which, Throwable e) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", "Flow.Subscriber." + which + " threw (Reactive Streams §2.13): the subscription is cancelled");
        context.put("exception", e);
        loop.callExceptionHandler(context);
    }
}
