package org.jasyncio;

/**
 * What {@code sleep(0)} returns: a future that a task awaiting it treats as "resume me on
 * the next iteration" (asyncio's bare {@code yield}), so the task yields exactly one
 * iteration. Anyone else sees it complete on the next iteration too.
 */
final class Yield<T> extends Future<T> implements Runnable {

    Yield(EventLoop loop, T value) {
        super(loop);
        parkOutcome(value);
        loop.enqueue(this);
    }

    /** Completes the future now; the task awaiting it is queued by its caller. */
    @SuppressWarnings("unchecked")
    void resolve() {
        if (!done()) {
            setResult((T) parkedOutcome());
        }
    }

    @Override
    public void run() {
        resolve();
    }
}
