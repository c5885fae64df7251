package org.jasyncio;

import java.util.Objects;
import java.util.function.Supplier;

import org.jasyncio.internal.sync.ConditionWait;
import org.jasyncio.internal.sync.PredicateWait;
import org.jasyncio.internal.sync.WaitQueue;
import org.jasyncio.internal.sync.Waiter;

/**
 * asyncio's {@code Condition}: lets tasks wait, holding a {@link Lock}, until another task
 * signals that something changed. {@code wait()}, {@code notify()} and {@code notify_all()} are
 * {@link #waitAsync()}, {@link #signal(int)} and {@link #signalAll()} here, because Java's
 * {@code Object} owns the asyncio names.
 *
 * <pre>{@code
 * await(condition.acquire());
 * try {
 *     await(condition.waitFor(() -> !items.isEmpty()));
 *     item = items.remove(0);
 * } finally {
 *     condition.release();
 * }
 * }</pre>
 *
 * <p>Waiters are signalled in the order they started waiting. A wait always ends with the lock
 * held again, also when it is cancelled, so a {@code finally} that releases stays correct. Use a
 * condition from its loop's thread only.
 */
public final class Condition {
    private final Lock lock;
    private final WaitQueue<Waiter<Boolean>> waiting = new WaitQueue<>();

    /** A condition with a lock of its own. */
    public Condition() {
        this(new Lock());
    }

    /** @param lock the lock to share, e.g. with other conditions on the same state */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** @return a future that is {@code true} once the caller holds the lock; see {@link Lock#acquire()} */
    public Future<Boolean> acquire() {
        return lock.acquire();
    }

    /** @throws IllegalStateException "Lock is not acquired." if the lock is free */
    public void release() {
        lock.release();
    }

    /** @return whether the lock is held */
    public boolean locked() {
        return lock.locked();
    }

    /**
     * Releases the lock, waits to be signalled, then takes the lock again (asyncio's
     * {@code wait()}). Cancelling the returned future (or the task awaiting it) still takes the
     * lock again before the {@link CancelledException} arrives.
     *
     * @return a future that is {@code true} once signalled and holding the lock
     * @throws IllegalStateException "cannot wait on un-acquired lock" if the lock is free
     */
    public Future<Boolean> waitAsync() {
        if (!locked()) {
            throw new IllegalStateException("cannot wait on un-acquired lock");
        }
        EventLoop loop = AsyncIO.getEventLoop();
        Waiter<Boolean> notification = waiting.add(new Waiter<>(loop));
        lock.release();
        return new ConditionWait(loop, lock, notification, () -> wake(1));
    }

    /**
     * Waits until {@code predicate} holds (asyncio's {@code wait_for}): checks it now, and again
     * each time the condition is signalled, always with the lock held.
     *
     * @param predicate what to wait for
     * @return a future that is {@code true} once the predicate held; it fails with what the
     *     predicate threw
     * @throws IllegalStateException "cannot wait on un-acquired lock" if the lock is free
     */
    public Future<Boolean> waitFor(Supplier<Boolean> predicate) {
        if (Boolean.TRUE.equals(predicate.get())) {
            return Waiter.ALREADY_TRUE;
        }
        return new PredicateWait(AsyncIO.getEventLoop(), this::waitAsync, predicate);
    }

    /** Wakes the oldest waiter; see {@link #signal(int)}. */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes up to {@code n} waiters, oldest first (asyncio's {@code notify(n)}); each resumes
     * once it holds the lock again, so after the caller releases it.
     *
     * @param n how many to wake
     * @throws IllegalStateException "cannot notify on un-acquired lock" if the lock is free
     */
    public void signal(int n) {
        if (!locked()) {
            throw new IllegalStateException("cannot notify on un-acquired lock");
        }
        wake(n);
    }

    /**
     * Wakes every waiter (asyncio's {@code notify_all()}).
     *
     * @throws IllegalStateException "cannot notify on un-acquired lock" if the lock is free
     */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    private void wake(int n) {
        for (int i = 0; i < n; i++) {
            Waiter<Boolean> next = waiting.poll();
            if (next == null) {
                return;
            }
            next.setResult(Boolean.FALSE);
        }
    }

    /** asyncio's repr: {@code <Condition [locked, waiters:1]>} or {@code <Condition [unlocked]>}. */
    @Override
    public String toString() {
        int waiters = waiting.size();
        return "<Condition [" + (locked() ? "locked" : "unlocked") + (waiters > 0 ? ", waiters:" + waiters : "") + "]>";
    }
}
