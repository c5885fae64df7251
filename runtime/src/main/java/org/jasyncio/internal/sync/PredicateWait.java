package org.jasyncio.internal.sync;

import java.util.function.Supplier;

import org.jasyncio.CancelledException;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;

/**
 * The future of {@code Condition.waitFor(predicate)}: waits on the condition until the predicate
 * holds, evaluating it with the lock held. Cancelling it cancels the wait in progress, which
 * ends (cancelled) once the lock is held again.
 */
public final class PredicateWait extends Future<Boolean> {
    private final Supplier<Future<Boolean>> waitOnce;
    private final Supplier<Boolean> predicate;
    private Future<Boolean> current;

    /**
     * @param loop the loop of the waiting task
     * @param waitOnce one {@code waitAsync()} of the condition
     * @param predicate what to wait for; evaluated with the lock held
     */
    public PredicateWait(EventLoop loop, Supplier<Future<Boolean>> waitOnce, Supplier<Boolean> predicate) {
        super(loop);
        this.waitOnce = waitOnce;
        this.predicate = predicate;
        waitAgain();
    }

    /** Cancels the wait in progress; this future ends cancelled when it does. */
    @Override
    public boolean cancel(String message) {
        return !done() && current.cancel(message);
    }

    private void waitAgain() {
        current = waitOnce.get();
        current.addDoneCallback(this::woken);
    }

    private void woken(Future<Boolean> wait) {
        try {
            wait.result();
        } catch (CancelledException e) {
            super.cancel(e.getMessage());
            return;
        }
        boolean holds;
        try {
            holds = Boolean.TRUE.equals(predicate.get());
        } catch (RuntimeException | Error e) {
            setException(e);
            return;
        }
        if (holds) {
            setResult(Boolean.TRUE);
        } else {
            waitAgain();
        }
    }
}
