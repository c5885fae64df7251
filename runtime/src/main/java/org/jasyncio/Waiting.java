package org.jasyncio;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One {@link AsyncIO#wait} call: finishes its result future with the done/pending split once
 * the {@link ReturnWhen} condition holds or the timeout passes (which is not an error). As in
 * asyncio, whose {@code wait} resumes an iteration after its waiter is released, the split is made
 * on the iteration after that, so a future whose completion was already on its way by then (a task
 * whose awaited future finished in the same iteration) counts as done.
 */
final class Waiting implements Consumer<Future<?>> {
    private final List<Future<?>> futures;
    private final ReturnWhen returnWhen;
    private final Future<DoneAndPending> result;
    private TimerHandle timer;
    private int pending;
    private boolean released;

    private Waiting(EventLoop loop, List<Future<?>> futures, ReturnWhen returnWhen) {
        this.futures = futures;
        this.returnWhen = returnWhen;
        this.result = new Future<>(loop);
    }

    static Future<DoneAndPending> start(EventLoop loop, List<Future<?>> futures, double timeout,
            ReturnWhen returnWhen) {
        Waiting call = new Waiting(loop, futures, returnWhen);
        for (Future<?> future : futures) {
            if (!future.done()) {
                call.pending++;
            } else if (call.satisfiedBy(future)) {
                call.finish();
                return call.result;
            }
        }
        if (call.pending == 0) {
            call.finish();
            return call.result;
        }
        for (Future<?> future : futures) {
            future.addDoneCallback(call);
        }
        if (timeout != Double.POSITIVE_INFINITY) {
            call.timer = loop.callLater(timeout, call::release);
        }
        return call.result;
    }

    @Override
    public void accept(Future<?> future) {
        pending--;
        if (pending == 0 || satisfiedBy(future)) {
            release();
        }
    }

    /** The condition holds or the time is up: the split is made on the next iteration. */
    private void release() {
        if (released) {
            return;
        }
        released = true;
        if (timer != null) {
            timer.cancel();
        }
        result.getLoop().callSoon(this::finish);
    }

    private boolean satisfiedBy(Future<?> done) {
        return returnWhen == ReturnWhen.FIRST_COMPLETED
                || (returnWhen == ReturnWhen.FIRST_EXCEPTION && !done.cancelled() && done.exception() != null);
    }

    private void finish() {
        if (result.done()) {
            return;
        }
        if (timer != null) {
            timer.cancel();
        }
        Set<Future<?>> done = new LinkedHashSet<>();
        Set<Future<?>> stillPending = new LinkedHashSet<>();
        for (Future<?> future : futures) {
            future.removeDoneCallback(this);
            (future.done() ? done : stillPending).add(future);
        }
        result.setResult(new DoneAndPending(done, stillPending));
    }
}
