package org.jasyncio.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jasyncio.Condition;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;

/** Ports CPython's test_locks.ConditionTests. */
class ConditionTest extends LoopFixture {
    private final Condition condition = new Condition();
    private final List<String> log = new ArrayList<>();

    /** A task that takes the (free) lock, waits with {@code waiting}, logs, and releases. */
    private Task<Object> waiter(String name, Supplier<Future<Boolean>> waiting) {
        return task(() -> {
            assertTrue(condition.acquire().done(), "each waiter finds the lock free: waiting released it");
            return waiting.get();
        }, v -> {
            assertTrue(condition.locked(), "a wait ends holding the lock");
            log.add(name);
            condition.release();
        });
    }

    private Task<Object> waiter(String name) {
        return waiter(name, condition::waitAsync);
    }

    private void signalled(Runnable signal) {
        assertTrue(condition.acquire().done());
        signal.run();
        condition.release();
        settle();
    }

    @Test
    void waitingOrSignallingWithoutTheLockFails() {
        assertEquals("cannot wait on un-acquired lock",
                assertThrows(IllegalStateException.class, condition::waitAsync).getMessage());
        assertEquals("cannot notify on un-acquired lock",
                assertThrows(IllegalStateException.class, condition::signal).getMessage());
        assertEquals("cannot notify on un-acquired lock",
                assertThrows(IllegalStateException.class, condition::signalAll).getMessage());
    }

    @Test
    void signalWakesWaitersOldestFirst() {
        waiter("1");
        waiter("2");
        waiter("3");
        settle();
        assertFalse(condition.locked(), "waiting released the lock");
        assertEquals("<Condition [unlocked, waiters:3]>", condition.toString());
        signalled(condition::signal);
        assertEquals(List.of("1"), log);
        signalled(() -> condition.signal(2));
        assertEquals(List.of("1", "2", "3"), log);
    }

    @Test
    void signalAllWakesEveryWaiter() {
        waiter("1");
        waiter("2");
        settle();
        signalled(condition::signalAll);
        assertEquals(List.of("1", "2"), log);
        assertFalse(condition.locked());
    }

    @Test
    void aWaiterResumesOnlyWhenTheSignallerReleases() {
        waiter("1");
        settle();
        assertTrue(condition.acquire().done());
        condition.signal();
        settle();
        assertEquals(List.of(), log);
        condition.release();
        settle();
        assertEquals(List.of("1"), log);
    }

    @Test
    void aCancelledWaitTakesTheLockAgainBeforeTheCancellationArrives() {
        Task<Object> cancelled = waiter("cancelled");
        settle();
        assertTrue(condition.acquire().done());
        cancelled.cancel();
        settle();
        assertFalse(cancelled.done(), "still waiting for the lock");
        condition.release();
        settle();
        assertTrue(cancelled.cancelled());
        assertTrue(condition.locked(), "the cancelled task holds the lock, for its finally to release");
        assertEquals("<Condition [locked]>", condition.toString());
    }

    @Test
    void aWaiterCancelledAfterItsSignalPassesTheSignalOn() {
        Task<Object> first = waiter("1");
        waiter("2");
        settle();
        assertTrue(condition.acquire().done());
        condition.signal();
        first.cancel();
        condition.release();
        settle();
        assertTrue(first.cancelled());
        assertTrue(condition.locked(), "held by the cancelled waiter");
        condition.release();
        settle();
        assertEquals(List.of("2"), log);
    }

    @Test
    void waitForRechecksThePredicateAtEachSignal() {
        int[] counter = {0};
        List<Integer> checks = new ArrayList<>();
        waiter("done", () -> condition.waitFor(() -> {
            checks.add(counter[0]);
            return counter[0] >= 2;
        }));
        settle();
        counter[0] = 1;
        signalled(condition::signalAll);
        assertEquals(List.of(), log);
        counter[0] = 2;
        signalled(condition::signalAll);
        assertEquals(List.of("done"), log);
        assertEquals(List.of(0, 1, 2), checks);
    }

    @Test
    void waitForAPredicateThatHoldsReturnsAtOnce() {
        assertTrue(condition.acquire().done());
        Future<Boolean> now = condition.waitFor(() -> true);
        assertTrue(now.done());
        assertTrue(condition.locked());
    }

    @Test
    void waitForFailsWithWhatThePredicateThrows() {
        IllegalStateException boom = new IllegalStateException("boom");
        boolean[] first = {true};
        assertTrue(condition.acquire().done());
        Future<Boolean> waiting = condition.waitFor(() -> {
            if (first[0]) {
                first[0] = false;
                return false;
            }
            throw boom;
        });
        assertTrue(condition.acquire().done());
        condition.signal();
        condition.release();
        settle();
        assertSame(boom, waiting.exception());
        assertTrue(condition.locked(), "the predicate ran with the lock held, and it stays held");
    }

    @Test
    void cancellingWaitForEndsItCancelledWithTheLockHeld() {
        Task<Object> waiting = waiter("never", () -> condition.waitFor(() -> false));
        settle();
        waiting.cancel();
        settle();
        assertTrue(waiting.cancelled());
        assertTrue(condition.locked());
        assertEquals(List.of(), log);
    }
}
