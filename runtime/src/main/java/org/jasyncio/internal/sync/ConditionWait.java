package org.jasyncio.internal.sync;

import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Lock;

/**
 * The future of {@code Condition.waitAsync()}: done once the waiter was notified (or cancelled)
 * <em>and</em> holds the lock again, as asyncio re-acquires the lock even when the wait is
 * cancelled. So {@link #cancel(String)} only asks: the future becomes cancelled after the lock
 * is back, and a notification it had already consumed is passed to another waiter.
 */
public final class ConditionWait extends Future<Boolean> {
    private final Lock lock;
    private final Waiter<Boolean> notification;
    private final Runnable passOnNotification;
    private boolean cancelRequested;
    private String cancelMessage;

    /**
     * Starts re-acquiring {@code lock} as soon as {@code notification} is done.
     *
     * @param loop the loop of the waiting task
     * @param lock the condition's lock, already released by the waiter
     * @param notification the waiter's place in the condition's queue
     * @param passOnNotification notifies one other waiter
     */
    public ConditionWait(EventLoop loop, Lock lock, Waiter<Boolean> notification, Runnable passOnNotification) {
        super(loop);
        this.lock = lock;
        this.notification = notification;
        this.passOnNotification = passOnNotification;
        notification.addDoneCallback(n -> reacquire());
    }

    /** Asks to cancel: the wait ends cancelled once the lock is held again. */
    @Override
    public boolean cancel(String message) {
        if (done()) {
            return false;
        }
        if (!cancelRequested) {
            cancelRequested = true;
            cancelMessage = message;
            notification.cancel(message);
        }
        return true;
    }

    private void reacquire() {
        Future<Boolean> grant = lock.acquire();
        if (grant instanceof Handover<Boolean> handover) {
            // the lock's release wakes this wait's task directly, as it would wake asyncio's inline acquire
            handover.onGiven(() -> granted(grant));
        } else {
            granted(grant);
        }
    }

    private void granted(Future<Boolean> grant) {
        grant.result();
        if (!cancelRequested) {
            setResult(Boolean.TRUE);
            return;
        }
        if (!notification.cancelled()) {
            passOnNotification.run();
        }
        super.cancel(cancelMessage);
    }
}
