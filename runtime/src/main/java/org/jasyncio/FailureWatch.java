package org.jasyncio;

import java.util.ArrayList;

/**
 * The futures that failed on a loop's thread in this iteration and the last one, each waiting to
 * see whether its exception is retrieved before the "exception was never retrieved" report is
 * armed. A failure usually wakes an awaiting task, which retrieves the exception on the next
 * iteration; registering a {@link java.lang.ref.Cleaner} and describing the future for every such
 * failure would make the failure path several times slower for a report that is almost never
 * sent. Holding the futures strongly meanwhile keeps them from being collected unwatched.
 */
final class FailureWatch {

    private final EventLoop loop;
    private ArrayList<Future<?>> thisIteration = new ArrayList<>();
    private ArrayList<Future<?>> lastIteration = new ArrayList<>();

    FailureWatch(EventLoop loop) {
        this.loop = loop;
    }

    /** Watches {@code future}, which just failed. */
    void add(Future<?> future) {
        thisIteration.add(future);
    }

    /**
     * At the end of an iteration: arms the report of each future failed in the previous one whose
     * exception is still unseen, now that its done callbacks have run.
     */
    void iterationEnded() {
        armUnseen(lastIteration);
        ArrayList<Future<?>> emptied = lastIteration;
        lastIteration = thisIteration;
        thisIteration = emptied;
    }

    /** When the loop stops: arms every unseen report, since no iteration may follow. */
    void loopStopped() {
        armUnseen(lastIteration);
        armUnseen(thisIteration);
    }

    private void armUnseen(ArrayList<Future<?>> failed) {
        for (Future<?> future : failed) {
            if (!future.exceptionSeen) {
                LostOutcome.arm(future, future.failure(), loop);
            }
        }
        failed.clear();
    }
}
