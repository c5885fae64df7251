package org.jasyncio.fuzz.program;

/**
 * One way of running a program: how awaited outcomes are delivered to the async twin, how
 * often an awaited outcome is a failure, and how often the program is cancelled at an await
 * (both twins see the same failures and cancellations).
 */
public enum Schedule {
    ALL_DONE(100, 0, 0, 0, 0, 0),
    LATER(0, 75, 25, 0, 0, 0),
    FAILING(30, 60, 10, 0, 15, 0),
    THREADS(20, 25, 5, 50, 10, 0),
    CANCELLING(30, 40, 10, 20, 5, 4);

    private final int donePercent;
    private final int laterPercent;
    private final int timerPercent;
    private final int failPercent;
    private final int cancelPercent;

    /** The four delivery percentages add up to 100. */
    Schedule(int donePercent, int laterPercent, int timerPercent, int threadPercent, int failPercent, int cancelPercent) {
        assert donePercent + laterPercent + timerPercent + threadPercent == 100 : this;
        this.donePercent = donePercent;
        this.laterPercent = laterPercent;
        this.timerPercent = timerPercent;
        this.failPercent = failPercent;
        this.cancelPercent = cancelPercent;
    }

    Delivery delivery(long hash) {
        int roll = (int) Math.floorMod(hash, 100L);
        if (roll < donePercent) {
            return Delivery.DONE;
        }
        if (roll < donePercent + laterPercent) {
            return Delivery.LATER;
        }
        return roll < donePercent + laterPercent + timerPercent ? Delivery.TIMER : Delivery.THREAD;
    }

    boolean fails(long hash) {
        return Math.floorMod(hash >>> 17, 100L) < failPercent;
    }

    boolean cancels(long hash) {
        return Math.floorMod(hash >>> 47, 100L) < cancelPercent;
    }

    /** For a cancellation: whether the awaited future completes first, in the same loop iteration. */
    boolean completesBeforeCancel(long hash) {
        // Not a bit of the hash itself: those decide the cancellation, so it would depend on them.
        return hash * 0x9E3779B97F4A7C15L < 0;
    }
}
