package org.jasyncio;

import org.jasyncio.internal.sync.WaitQueue;
import org.jasyncio.internal.sync.Waiter;

/**
 * asyncio's {@code Barrier}: {@link #parties()} tasks meet here, and none goes on until all of
 * them have arrived. Each waiter learns its arrival index (0 for the first, {@code parties - 1}
 * for the one that released the others); the barrier then fills again for the next round.
 *
 * <pre>{@code
 * int index = await(barrier.waitAsync());   // asyncio's barrier.wait(): wait() is Object's
 * }</pre>
 *
 * <p>As asyncio's, the barrier is draining from the release until every released task has resumed,
 * and resetting from a {@link #reset()} until every task it broke has resumed; a task that arrives
 * meanwhile waits for that to end before it joins the next round. A released task learns how it
 * left when it resumes: if the barrier was reset or aborted in between, it gets
 * {@link BrokenBarrierException} as asyncio's does. {@link #abort()} breaks the barrier: waiting
 * tasks and every later {@link #waitAsync()} fail with {@link BrokenBarrierException} until
 * {@link #reset()}. A task cancelled while it waits leaves the barrier, which then waits for one more
 * party. Use a barrier from its loop's thread only.
 */
public final class Barrier {
    private enum State {
        FILLING("filling"), DRAINING("draining"), RESETTING("resetting"), BROKEN("broken");

        private final String repr;

        State(String repr) {
            this.repr = repr;
        }
    }

    private final int parties;
    /** The parties waiting for the barrier to fill, in arrival order. */
    private final WaitQueue<Party> filling = new WaitQueue<>();
    /** The tasks that arrived while the barrier drained or reset, in arrival order. */
    private final WaitQueue<Party> blocked = new WaitQueue<>();
    private State state = State.FILLING;
    /** Parties inside: joined a round and not resumed yet (asyncio's {@code _count}). */
    private int count;

    /**
     * @param parties how many tasks must wait before all are released
     * @throws IllegalArgumentException "parties must be > 0" if {@code parties < 1}
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0");
        }
        this.parties = parties;
    }

    /**
     * Waits until {@link #parties()} tasks wait (asyncio's {@code wait()}). The future of the
     * last arrival is done at once, and the others are released with it. Cancelling the future
     * only withdraws this waiter.
     *
     * @return a future of this task's arrival index, from 0 to {@code parties - 1}; it fails
     *     with {@link BrokenBarrierException} "Barrier aborted" if the barrier is broken, and
     *     "Abort or reset of barrier" if it is aborted or reset before the task resumed
     */
    public Future<Integer> waitAsync() {
        Party party = new Party(AsyncIO.getEventLoop());
        if (state == State.BROKEN) {
            party.setException(new BrokenBarrierException("Barrier aborted"));
        } else if (state == State.FILLING) {
            join(party);
        } else {
            blocked.add(party);
        }
        return party;
    }

    /**
     * Returns the barrier to its empty, unbroken state; tasks waiting at it fail with
     * {@link BrokenBarrierException}, and it is resetting until they have resumed. Takes effect at
     * once; the future lets ported asyncio code keep its {@code await barrier.reset()}.
     *
     * @return a done future
     */
    public Future<Void> reset() {
        if (count > 0) {
            state = State.RESETTING;
            filling.drain(party -> party.setException(new BrokenBarrierException("Abort or reset of barrier")));
        } else {
            state = State.FILLING;
            admitBlockedSoon();
        }
        return Task.completed();
    }

    /**
     * Breaks the barrier: tasks waiting at it and every later {@link #waitAsync()} fail with
     * {@link BrokenBarrierException} until {@link #reset()}. Takes effect at once; the future
     * lets ported asyncio code keep its {@code await barrier.abort()}.
     *
     * @return a done future
     */
    public Future<Void> abort() {
        state = State.BROKEN;
        filling.drain(party -> party.setException(new BrokenBarrierException("Abort or reset of barrier")));
        blocked.drain(party -> party.setException(new BrokenBarrierException("Barrier aborted")));
        return Task.completed();
    }

    /** @return how many tasks must wait before all are released */
    public int parties() {
        return parties;
    }

    /** @return how many tasks wait for the barrier to fill (asyncio's {@code n_waiting}): none while it drains or resets */
    public int nWaiting() {
        return state == State.FILLING ? count : 0;
    }

    /** @return whether the barrier is broken (aborted and not reset since) */
    public boolean broken() {
        return state == State.BROKEN;
    }

    /** asyncio's state in a repr: {@code <Barrier [filling, waiters:1/3]>}, {@code draining}, {@code resetting}, {@code <Barrier [broken]>}. */
    @Override
    public String toString() {
        return broken() ? "<Barrier [broken]>"
                : "<Barrier [" + state.repr + ", waiters:" + nWaiting() + "/" + parties + "]>";
    }

    private void join(Party party) {
        party.index = count++;
        party.inside = true;
        if (count < parties) {
            filling.add(party);
            return;
        }
        state = State.DRAINING;
        filling.drain(waiting -> waiting.setResult(waiting.index));
        party.setResult(party.index);
    }

    /** A party resumed (or was withdrawn): once the last one is out, the barrier fills again. */
    private void leave() {
        count--;
        if (count == 0 && (state == State.DRAINING || state == State.RESETTING)) {
            state = State.FILLING;
            admitBlockedSoon();
        }
    }

    /**
     * The tasks that arrived while the barrier drained or reset join on the loop's next iteration, as
     * asyncio's blocked tasks join when they resume: the task that emptied the barrier goes on first
     * (its reset or wait comes before theirs).
     */
    private void admitBlockedSoon() {
        if (!blocked.isEmpty()) {
            AsyncIO.getEventLoop().callSoon(this::admitBlocked);
        }
    }

    /** The blocked tasks join, in arrival order, while the barrier fills. */
    private void admitBlocked() {
        Party next;
        while (state == State.FILLING && (next = blocked.poll()) != null) {
            join(next);
        }
    }

    /**
     * One task's wait. It is inside the barrier from joining a round until its task resumed
     * (read the outcome), gave it up, or, if no task awaits it, its wake-up had its turn.
     */
    private final class Party extends Waiter<Integer> {
        int index;
        boolean inside;

        Party(EventLoop loop) {
            super(loop);
        }

        @Override
        public void setResult(Integer index) {
            super.setResult(index);
            leaveAfterWakeUp();
        }

        @Override
        public void setException(Throwable broken) {
            super.setException(broken);
            leaveAfterWakeUp();
        }

        /** Registered after the awaiting task's wake-up, so it runs right after the task resumed. */
        private void leaveAfterWakeUp() {
            addDoneCallback(self -> leaveOnce());
        }

        /** The released task learns how it left when it resumes, as asyncio's does after its wake-up. */
        @Override
        public Integer result() {
            boolean brokenMeanwhile = inside && (state == State.RESETTING || state == State.BROKEN);
            try {
                Integer released = super.result();
                if (brokenMeanwhile) {
                    throw new BrokenBarrierException("Abort or reset of barrier");
                }
                return released;
            } finally {
                leaveOnce();
            }
        }

        @Override
        public boolean cancel(String message) {
            if (!super.cancel(message)) {
                return false;
            }
            leaveOnce();
            return true;
        }

        @Override
        protected void resultAbandoned() {
            leaveOnce();
        }

        private void leaveOnce() {
            if (inside) {
                inside = false;
                leave();
            }
        }
    }
}
