package org.jasyncio.internal.iter;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jasyncio.AsyncIterator;
import org.jasyncio.CancelledException;
import org.jasyncio.Future;

/**
 * An async iterator over an awaitable "get the next one" call, as asyncio's {@code __anext__} of a
 * stream (readline until {@code b''}) or of a queue (get until shut down): each {@code hasNext()}
 * that finds no element makes one call. An element whose call completed after the consumer's
 * {@code hasNext()} was cancelled is kept for the next {@code hasNext()}, so nothing is lost.
 *
 * @param <T> the elements
 */
public final class FetchingIterator<T> implements AsyncIterator<T> {
    private final Supplier<? extends Future<T>> fetch;
    private final Predicate<? super T> endValue;
    private final Class<? extends Throwable> endFailure;
    /** Made once, so a pending call registers no new lambda. */
    private final Consumer<Future<T>> onFetched = this::fetched;
    private T element;
    private boolean holding;
    private boolean ended;
    private Asked<T> asked;

    /**
     * @param fetch the call that gets the next element
     * @param endValue which results mean the end (e.g. the empty line of a stream at EOF)
     * @param endFailure which failure means the end (e.g. a queue's shut-down), or null
     */
    public FetchingIterator(Supplier<? extends Future<T>> fetch, Predicate<? super T> endValue,
            Class<? extends Throwable> endFailure) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.endValue = Objects.requireNonNull(endValue, "endValue");
        this.endFailure = endFailure;
    }

    @Override
    public Future<Boolean> hasNext() {
        if (holding) {
            return Answers.TRUE;
        }
        if (ended) {
            return Answers.FALSE;
        }
        if (asked != null && !asked.done()) {
            return asked;
        }
        Future<T> call = fetch.get();
        if (call.done()) {
            Throwable failure = take(call);
            if (failure == null) {
                return holding ? Answers.TRUE : Answers.FALSE;
            }
            Future<Boolean> failed = new Future<>(call.getLoop());
            failed.setException(failure);
            return failed;
        }
        asked = new Asked<>(call);
        call.addDoneCallback(onFetched);
        return asked;
    }

    @Override
    public T next() {
        if (!holding) {
            throw new NoSuchElementException("next() without an element: await hasNext() and check that it is true");
        }
        T taken = element;
        element = null;
        holding = false;
        return taken;
    }

    /** Ends the iteration; a call in flight is cancelled. Nothing else is held. */
    @Override
    public Future<Void> close() {
        ended = true;
        holding = false;
        element = null;
        Asked<T> waiting = asked;
        asked = null;
        if (waiting != null && !waiting.done()) {
            waiting.setResult(Boolean.FALSE);
            waiting.call.cancel();
        }
        return Answers.CLOSED;
    }

    private void fetched(Future<T> call) {
        Asked<T> waiting = asked;
        if (waiting == null || waiting.call != call) {
            return;   // closed meanwhile
        }
        asked = null;
        Throwable failure = take(call);
        if (waiting.done()) {
            return;   // its asker was cancelled; an element taken stays held for the next hasNext()
        }
        if (failure != null) {
            waiting.setException(failure);
        } else {
            waiting.setResult(holding);
        }
    }

    /** Takes the outcome of a done call: holds its element, or ends; returns the failure to report, else null. */
    private Throwable take(Future<T> call) {
        if (call.cancelled()) {
            return new CancelledException("the call behind hasNext() was cancelled");
        }
        Throwable failure = call.exception();
        if (failure != null) {
            if (endFailure != null && endFailure.isInstance(failure)) {
                ended = true;
                return null;
            }
            return failure;
        }
        T value = call.result();
        if (endValue.test(value)) {
            ended = true;
        } else {
            element = value;
            holding = true;
        }
        return null;
    }

    /** A pending {@code hasNext()}: cancelling it (as cancelling the consumer's task does) cancels the call. */
    private static final class Asked<T> extends Future<Boolean> {
        final Future<T> call;

        Asked(Future<T> call) {
            super(call.getLoop());
            this.call = call;
        }

        @Override
        public boolean cancel(String message) {
            if (!super.cancel(message)) {
                return false;
            }
            call.cancel(message);
            return true;
        }
    }
}
