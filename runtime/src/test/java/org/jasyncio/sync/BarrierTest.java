package org.jasyncio.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jasyncio.Barrier;
import org.jasyncio.BrokenBarrierException;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;

/** Ports CPython's test_locks.BarrierTests. */
class BarrierTest extends LoopFixture {
    private final List<String> log = new ArrayList<>();

    private Task<Object> party(Barrier barrier, String name) {
        return task(barrier::waitAsync, index -> log.add(name + ":" + index));
    }

    @Test
    void partiesMustBePositive() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new Barrier(0));
        assertEquals("parties must be > 0", error.getMessage());
    }

    @Test
    void nobodyGoesOnUntilAllPartiesWaitAndEachLearnsItsIndex() {
        Barrier barrier = new Barrier(3);
        party(barrier, "a");
        party(barrier, "b");
        settle();
        assertEquals(List.of(), log);
        assertEquals(2, barrier.nWaiting());
        assertEquals("<Barrier [filling, waiters:2/3]>", barrier.toString());
        party(barrier, "c");
        settle();
        assertEquals(List.of("c:2", "a:0", "b:1"), log);
        assertEquals(0, barrier.nWaiting());
        assertEquals(3, barrier.parties());
    }

    @Test
    void aSinglePartyBarrierNeverWaits() {
        Future<Integer> index = new Barrier(1).waitAsync();
        assertTrue(index.done());
        assertEquals(0, index.result());
    }

    @Test
    void theBarrierFillsAgainForTheNextRound() {
        Barrier barrier = new Barrier(2);
        party(barrier, "a");
        party(barrier, "b");
        settle();
        party(barrier, "c");
        settle();
        assertEquals(1, barrier.nWaiting());
        party(barrier, "d");
        settle();
        assertEquals(List.of("b:1", "a:0", "d:1", "c:0"), log);
    }

    @Test
    void abortBreaksWaitersAndLaterWaits() {
        Barrier barrier = new Barrier(3);
        Task<Object> a = party(barrier, "a");
        settle();
        barrier.abort();
        settle();
        assertTrue(barrier.broken());
        assertEquals("<Barrier [broken]>", barrier.toString());
        BrokenBarrierException waiting = assertThrows(BrokenBarrierException.class, a::result);
        assertEquals("Abort or reset of barrier", waiting.getMessage());
        BrokenBarrierException later = assertThrows(BrokenBarrierException.class, () -> barrier.waitAsync().result());
        assertEquals("Barrier aborted", later.getMessage());
        assertEquals(0, barrier.nWaiting());
    }

    @Test
    void resetBreaksWaitersAndRepairsTheBarrier() {
        Barrier barrier = new Barrier(2);
        Task<Object> a = party(barrier, "a");
        settle();
        assertTrue(barrier.reset().done());
        settle();
        assertEquals("Abort or reset of barrier",
                assertThrows(BrokenBarrierException.class, a::result).getMessage());
        barrier.abort();
        barrier.reset();
        assertFalse(barrier.broken());
        party(barrier, "b");
        party(barrier, "c");
        settle();
        assertEquals(List.of("c:1", "b:0"), log);
    }

    @Test
    void aCancelledWaiterLeavesSoTheBarrierWaitsForAnotherParty() {
        Barrier barrier = new Barrier(2);
        Task<Object> a = party(barrier, "a");
        settle();
        a.cancel();
        settle();
        assertTrue(a.cancelled());
        assertEquals(0, barrier.nWaiting());
        party(barrier, "b");
        settle();
        assertEquals(List.of(), log);
        party(barrier, "c");
        settle();
        assertEquals(List.of("c:1", "b:0"), log);
    }

    @Test
    void anAwaitedBrokenBarrierThrowsTheVeryException() {
        Barrier barrier = new Barrier(2);
        Future<Integer> waiting = barrier.waitAsync();
        barrier.abort();
        Throwable first = waiting.exception();
        assertSame(first, assertThrows(BrokenBarrierException.class, waiting::result));
    }
}
