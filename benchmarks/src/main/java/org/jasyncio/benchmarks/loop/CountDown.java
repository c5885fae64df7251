package org.jasyncio.benchmarks.loop;

import java.util.function.Consumer;

/**
 * The callback every event-loop benchmark schedules: it counts down and runs {@code onZero}
 * when the batch is done. One shared instance, so the benchmarks measure scheduling and not
 * the allocation of callbacks. Also usable as a done-callback or a Netty listener.
 */
final class CountDown implements Runnable, Consumer<Object> {
    private int left;
    private Runnable onZero;

    /** Arms the count for the next batch; the callback must run {@code count} times. */
    void arm(int count, Runnable whenDone) {
        left = count;
        onZero = whenDone;
    }

    @Override
    public void run() {
        if (--left == 0) {
            onZero.run();
        }
    }

    @Override
    public void accept(Object ignored) {
        run();
    }
}
