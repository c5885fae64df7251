package org.jasyncio.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jasyncio.Future;
import org.jasyncio.Lock;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;

/** Ports CPython's test_locks.LockTests. */
class LockTest extends LoopFixture {
    private final Lock lock = new Lock();
    private final List<String> log = new ArrayList<>();

    private Task<Object> holder(String name, boolean releases) {
        return task(lock::acquire, v -> {
            log.add(name);
            if (releases) {
                lock.release();
            }
        });
    }

    @Test
    void freeLockIsAcquiredAtOnceAndReleased() {
        assertFalse(lock.locked());
        Future<Boolean> acquired = lock.acquire();
        assertTrue(acquired.done());
        assertTrue(acquired.result());
        assertTrue(lock.locked());
        assertEquals("<Lock [locked]>", lock.toString());
        lock.release();
        assertFalse(lock.locked());
        assertEquals("<Lock [unlocked]>", lock.toString());
    }

    @Test
    void releasingAFreeLockFails() {
        IllegalStateException error = assertThrows(IllegalStateException.class, lock::release);
        assertEquals("Lock is not acquired.", error.getMessage());
    }

    @Test
    void waitersGetTheLockInArrivalOrder() {
        lock.acquire();
        holder("1", true);
        holder("2", true);
        holder("3", true);
        settle();
        assertEquals(List.of(), log);
        assertEquals("<Lock [locked, waiters:3]>", lock.toString());
        lock.release();
        settle();
        assertEquals(List.of("1", "2", "3"), log);
        assertFalse(lock.locked());
    }

    @Test
    void aNewcomerDoesNotOvertakeAWokenWaiter() {
        lock.acquire();
        holder("waiter", false);
        settle();
        lock.release();
        Future<Boolean> newcomer = lock.acquire();
        assertFalse(newcomer.done(), "the lock was handed to the waiter");
        settle();
        assertEquals(List.of("waiter"), log);
        lock.release();
        settle();
        assertTrue(newcomer.done());
    }

    @Test
    void aCancelledWaiterIsSkipped() {
        lock.acquire();
        holder("1", true);
        Task<Object> second = holder("2", true);
        holder("3", true);
        settle();
        second.cancel();
        settle();
        assertTrue(second.cancelled());
        lock.release();
        settle();
        assertEquals(List.of("1", "3"), log);
        assertFalse(lock.locked());
    }

    @Test
    void aWaiterCancelledAfterTheHandOverPassesTheLockOn() {
        lock.acquire();
        Task<Object> first = holder("1", true);
        holder("2", true);
        settle();
        lock.release();
        first.cancel();
        settle();
        assertTrue(first.cancelled());
        assertEquals(List.of("2"), log);
        assertFalse(lock.locked(), "the cancelled waiter did not keep the lock");
    }

    @Test
    void aHandedOverLockBelongsToItsFutureUntilReleasedEvenIfAwaitedLater() {
        lock.acquire();
        Future<Boolean> awaitedLater = lock.acquire();
        Future<Boolean> next = lock.acquire();
        lock.release();
        settle();
        assertTrue(awaitedLater.done());
        assertFalse(next.done(), "the lock stays with the future it was handed to");
        Task<Object> late = task(() -> awaitedLater, v -> log.add("late"));
        settle();
        assertEquals(List.of("late"), log);
        assertTrue(awaitedLater.result());
        lock.release();
        settle();
        assertTrue(next.result(), "released by its holder, the lock goes on");
        assertTrue(late.done());
    }

    @Test
    void cancellingAWaitingFutureReturnsTrueAndLeavesTheQueue() {
        lock.acquire();
        Future<Boolean> waiting = lock.acquire();
        assertTrue(waiting.cancel());
        assertEquals("<Lock [locked]>", lock.toString());
        lock.release();
        assertFalse(lock.locked());
    }
}
