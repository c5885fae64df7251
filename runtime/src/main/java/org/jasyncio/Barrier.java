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
 * <p>{@link #abort()} breaks the barrier: waiting tasks and every later {@link #waitAsync()}
 * fail with {@link BrokenBarrierException} until {@link #reset()}. A task cancelled while it
 * waits leaves the barrier, which then waits for one more party. Released tasks leave the
 * barrier at once, so a task arriving while they are still resuming joins the next round (in
 * asyncio it waits until they have resumed, with the same outcome). Use a barrier from its
 * loop's thread only.
 */
public final class Barrier {
    private final int parties;
    /** The waiting tasks in arrival order; a cancelled waiter leaves it, so its size is the count. */
    private final WaitQueue<Waiter<Integer>> filling = new WaitQueue<>();
    private boolean broken;

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
     *     "Abort or reset of barrier" if it is aborted or reset while the task waits
     */
    public Future<Integer> waitAsync() {
        if (broken) {
            Future<Integer> refused = new Future<>(AsyncIO.getEventLoop());
            refused.setException(new BrokenBarrierException("Barrier aborted"));
            return refused;
        }
        int index = filling.size();
        if (index + 1 < parties) {
            return filling.add(new Waiter<>(AsyncIO.getEventLoop()));
        }
        int[] next = {0};
        filling.drain(party -> party.setResult(next[0]++));
        return Task.completed(index);
    }

    /**
     * Returns the barrier to its empty, unbroken state; tasks waiting at it fail with
     * {@link BrokenBarrierException}. Takes effect at once; the future lets ported asyncio code
     * keep its {@code await barrier.reset()}.
     *
     * @return a done future
     */
    public Future<Void> reset() {
        breakWaiters();
        broken = false;
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
        broken = true;
        breakWaiters();
        return Task.completed();
    }

    /** @return how many tasks must wait before all are released */
    public int parties() {
        return parties;
    }

    /** @return how many tasks wait now (asyncio's {@code n_waiting}) */
    public int nWaiting() {
        return filling.size();
    }

    /** @return whether the barrier is broken (aborted and not reset since) */
    public boolean broken() {
        return broken;
    }

    /** asyncio's state in a repr: {@code <Barrier [filling, waiters:1/3]>} or {@code <Barrier [broken]>}. */
    @Override
    public String toString() {
        return broken ? "<Barrier [broken]>" : "<Barrier [filling, waiters:" + nWaiting() + "/" + parties + "]>";
    }

    private void breakWaiters() {
        filling.drain(party -> party.setException(new BrokenBarrierException("Abort or reset of barrier")));
    }
}
