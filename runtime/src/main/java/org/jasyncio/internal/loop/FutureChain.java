package org.jasyncio.internal.loop;

import java.util.function.Consumer;
import java.util.function.Function;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;

/**
 * Chains futures for runtime code, which is not rewritten and cannot {@code await}: the outcome of the
 * first feeds a function, failures and cancellation pass through, and cancelling the chained future
 * cancels the step in progress. Internal to jasyncio: not for users.
 */
public final class FutureChain {

    private FutureChain() {
    }

    /**
     * A future of {@code fn} applied to {@code first}'s result. A result that arrives after the returned
     * future was cancelled goes to {@code discard} (e.g. to close a connection nobody will use).
     */
    public static <A, B> Future<B> map(EventLoop loop, Future<A> first, Function<? super A, ? extends B> fn,
            Consumer<? super A> discard) {
        Future<B> outer = loop.createFuture();
        first.addDoneCallback(done -> {
            if (outer.done()) {
                if (!done.cancelled() && done.exception() == null) {
                    discard.accept(done.result());
                }
            } else if (done.cancelled()) {
                outer.cancel();
            } else if (done.exception() != null) {
                outer.setException(done.exception());
            } else {
                try {
                    outer.setResult(fn.apply(done.result()));
                } catch (RuntimeException e) {
                    outer.setException(e);
                }
            }
        });
        outer.addDoneCallback(done -> {
            if (done.cancelled()) {
                first.cancel();
            }
        });
        return outer;
    }

    /** A future of the future {@code next} makes from {@code first}'s result. */
    public static <A, B> Future<B> then(EventLoop loop, Future<A> first, Function<? super A, Future<B>> next) {
        Future<B> outer = loop.createFuture();
        Object[] current = {first};
        first.addDoneCallback(done -> {
            if (outer.done()) {
                return;
            }
            if (done.cancelled()) {
                outer.cancel();
            } else if (done.exception() != null) {
                outer.setException(done.exception());
            } else {
                Future<B> second;
                try {
                    second = next.apply(done.result());
                } catch (RuntimeException e) {
                    outer.setException(e);
                    return;
                }
                current[0] = second;
                second.addDoneCallback(result -> copy(result, outer));
            }
        });
        outer.addDoneCallback(done -> {
            if (done.cancelled()) {
                ((Future<?>) current[0]).cancel();
            }
        });
        return outer;
    }

    /** Completes {@code to} as {@code from} completed, unless {@code to} is done already. */
    public static <T> void copy(Future<T> from, Future<T> to) {
        if (to.done()) {
            return;
        }
        if (from.cancelled()) {
            to.cancel();
        } else if (from.exception() != null) {
            to.setException(from.exception());
        } else {
            to.setResult(from.result());
        }
    }

    /** A future of {@code loop} that already has {@code value}. */
    public static <T> Future<T> completed(EventLoop loop, T value) {
        Future<T> future = loop.createFuture();
        future.setResult(value);
        return future;
    }

    /** A future of {@code loop} that already failed with {@code exception}. */
    public static <T> Future<T> failed(EventLoop loop, Throwable exception) {
        Future<T> future = loop.createFuture();
        future.setException(exception);
        return future;
    }
}
