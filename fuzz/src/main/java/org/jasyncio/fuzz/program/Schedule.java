package org.jasyncio.fuzz.program;

/**
 * One way of running a program: how awaited outcomes are delivered to the async twin, and
 * how often an awaited outcome is a failure (both twins see the same failures).
 */
public enum Schedule {
    ALL_DONE(100, 0, 0, 0),
    LATER(0, 100, 0, 0),
    FAILING(30, 70, 0, 15),
    THREADS(20, 30, 50, 10);

    private final int donePercent;
    private final int laterPercent;
    private final int threadPercent;
    private final int failPercent;

    Schedule(int donePercent, int laterPercent, int threadPercent, int failPercent) {
        this.donePercent = donePercent;
        this.laterPercent = laterPercent;
        this.threadPercent = threadPercent;
        this.failPercent = failPercent;
    }

    Delivery delivery(long hash) {
        int roll = (int) Math.floorMod(hash, 100L);
        if (roll < donePercent) {
            return Delivery.DONE;
        }
        return roll < donePercent + laterPercent ? Delivery.LATER : Delivery.THREAD;
    }

    boolean fails(long hash) {
        return Math.floorMod(hash >>> 17, 100L) < failPercent;
    }

    int threadPercent() {
        return threadPercent;
    }
}
