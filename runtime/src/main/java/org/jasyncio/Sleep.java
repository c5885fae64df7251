package org.jasyncio;

/**
 * What {@code sleep(delay)} returns for a positive delay: a future that its timer completes;
 * cancelling it cancels the timer, so an abandoned sleep leaves nothing behind in the heap.
 */
final class Sleep<T> extends Future<T> implements Runnable {
    private final T value;
    private final TimerHandle timer;

    Sleep(EventLoop loop, double delay, T value) {
        super(loop);
        this.value = value;
        this.timer = loop.callLater(delay, this);
    }

    @Override
    public void run() {
        if (!done()) {
            setResult(value);
        }
    }

    @Override
    public boolean cancel(String message) {
        timer.cancel();
        return super.cancel(message);
    }
}
