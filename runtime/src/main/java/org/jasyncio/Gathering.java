package org.jasyncio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The outer future of {@link AsyncIO#gather}: results in argument order; without
 * {@code returnExceptions} the first failure (a cancelled child counts as a
 * {@link CancelledException}) finishes it at once while the other children keep running.
 * Cancelling it cancels the children, and it ends cancelled once they are all done.
 */
final class Gathering extends Future<List<Object>> {
    private final List<Future<?>> children;
    private final boolean returnExceptions;
    /** A future given twice counts once, as in asyncio. */
    private final int distinct;
    private int finished;
    private boolean cancelRequested;

    private Gathering(EventLoop loop, List<Future<?>> children, int distinct, boolean returnExceptions) {
        super(loop);
        this.children = children;
        this.distinct = distinct;
        this.returnExceptions = returnExceptions;
    }

    /** The gathered futures, for {@link TaskDump}'s "awaited by". */
    List<Future<?>> children() {
        return children;
    }

    static Future<List<Object>> of(boolean returnExceptions, List<? extends Future<?>> futures) {
        if (futures.isEmpty()) {
            Future<List<Object>> empty = new Future<>(AsyncIO.getEventLoop());
            empty.setResult(new ArrayList<>());
            return empty;
        }
        EventLoop loop = null;
        for (Future<?> child : futures) {
            if (child.loop == null) {
                continue;
            }
            if (loop != null && child.loop != loop) {
                throw new IllegalArgumentException("futures are tied to different event loops");
            }
            loop = child.loop;
        }
        Set<Future<?>> distinct = new LinkedHashSet<>(futures);
        Gathering outer = new Gathering(loop != null ? loop : AsyncIO.getEventLoop(), List.copyOf(futures),
                distinct.size(), returnExceptions);
        for (Future<?> child : distinct) {
            child.addDoneCallback(outer::childDone);
        }
        return outer;
    }

    private void childDone(Future<?> child) {
        finished++;
        if (done()) {
            if (!child.cancelled()) {
                child.exception();
            }
            return;
        }
        if (!returnExceptions) {
            if (child.cancelled() && cancelRequested) {
                cancelFuture(child.cancelMessage());
                return;
            }
            if (child.cancelled()) {
                finishException(child.cancelledException());
                return;
            }
            Throwable failure = child.exception();
            if (failure != null) {
                finishException(failure);
                return;
            }
        }
        if (finished < distinct) {
            return;
        }
        if (cancelRequested) {
            cancelFuture(child.cancelled() ? child.cancelMessage() : null);
            return;
        }
        Object[] results = new Object[children.size()];
        for (int i = 0; i < results.length; i++) {
            Future<?> each = children.get(i);
            results[i] = each.cancelled() ? each.cancelledException()
                    : each.failed() ? each.exception() : each.result();
        }
        finishResult(new ArrayList<>(Arrays.asList(results)));
    }

    @Override
    public boolean cancel(String message) {
        if (done()) {
            return false;
        }
        boolean any = false;
        for (Future<?> child : children) {
            any |= child.cancel(message);
        }
        if (any) {
            cancelRequested = true;
        }
        return any;
    }
}
