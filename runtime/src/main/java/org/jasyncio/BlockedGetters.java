package org.jasyncio;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Threads blocked in {@link Future#get()} away from the loop. They are released by the
 * completion itself, not by a loop callback, so a {@code get()} returns even when the loop
 * stops right after completing the future. Kept outside {@code Future} so that a future nobody
 * blocks on carries no field for it and pays one static read when it finishes.
 */
final class BlockedGetters {

    private static final ConcurrentHashMap<Future<?>, CountDownLatch> LATCHES = new ConcurrentHashMap<>();
    private static volatile boolean used;

    private BlockedGetters() {
    }

    /**
     * Waits until {@code future} is done, at most {@code timeout} (negative: without limit).
     *
     * @return whether it is done
     */
    static boolean await(Future<?> future, long timeout, TimeUnit unit) throws InterruptedException {
        used = true;
        CountDownLatch latch = LATCHES.computeIfAbsent(future, f -> new CountDownLatch(1));
        // Published before this read of the state; release() reads the map after writing it.
        if (future.done()) {
            LATCHES.remove(future, latch);
            return true;
        }
        if (timeout < 0) {
            latch.await();
            return true;
        }
        return latch.await(timeout, unit);
    }

    /** Called by every completing future, after its state is written. */
    static void release(Future<?> future) {
        if (used) {
            CountDownLatch latch = LATCHES.remove(future);
            if (latch != null) {
                latch.countDown();
            }
        }
    }
}
