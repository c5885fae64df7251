package org.jasyncio.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jasyncio.BoundedSemaphore;
import org.jasyncio.Future;
import org.jasyncio.Semaphore;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;

/** Ports CPython's test_locks.SemaphoreTests and BoundedSemaphore's checks. */
class SemaphoreTest extends LoopFixture {
    private final List<String> log = new ArrayList<>();

    private Task<Object> taker(Semaphore semaphore, String name) {
        return task(semaphore::acquire, v -> log.add(name));
    }

    @Test
    void negativeInitialValueIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
        assertEquals("Semaphore initial value must be >= 0", error.getMessage());
    }

    @Test
    void permitsAreTakenAtOnceWhileFree() {
        Semaphore semaphore = new Semaphore(2);
        assertTrue(semaphore.acquire().done());
        assertFalse(semaphore.locked());
        assertEquals("<Semaphore [unlocked, value:1]>", semaphore.toString());
        assertTrue(semaphore.acquire().done());
        assertTrue(semaphore.locked());
        Future<Boolean> third = semaphore.acquire();
        assertFalse(third.done());
        assertEquals("<Semaphore [locked, waiters:1]>", semaphore.toString());
    }

    @Test
    void releasesWakeWaitersInArrivalOrderOneEach() {
        Semaphore semaphore = new Semaphore(0);
        taker(semaphore, "1");
        taker(semaphore, "2");
        taker(semaphore, "3");
        settle();
        semaphore.release();
        semaphore.release();
        settle();
        assertEquals(List.of("1", "2"), log);
        semaphore.release();
        settle();
        assertEquals(List.of("1", "2", "3"), log);
        assertTrue(semaphore.locked());
    }

    @Test
    void aCancelledWaiterDoesNotSwallowARelease() {
        Semaphore semaphore = new Semaphore(0);
        Task<Object> first = taker(semaphore, "1");
        taker(semaphore, "2");
        settle();
        first.cancel();
        semaphore.release();
        settle();
        assertTrue(first.cancelled());
        assertEquals(List.of("2"), log);
    }

    @Test
    void aWaiterCancelledAfterItsPermitWasHandedOverGivesItBack() {
        Semaphore semaphore = new Semaphore(0);
        Task<Object> first = taker(semaphore, "1");
        Task<Object> second = taker(semaphore, "2");
        settle();
        semaphore.release();
        semaphore.release();
        first.cancel();
        settle();
        assertTrue(first.cancelled());
        assertTrue(second.done());
        assertEquals(List.of("2"), log);
        assertFalse(semaphore.locked(), "the permit handed to the cancelled task is free again");
    }

    @Test
    void boundedSemaphoreRefusesTooManyReleases() {
        BoundedSemaphore semaphore = new BoundedSemaphore(1);
        semaphore.acquire();
        semaphore.release();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, semaphore::release);
        assertEquals("BoundedSemaphore released too many times", error.getMessage());
        assertEquals("<BoundedSemaphore [unlocked, value:1]>", semaphore.toString());
    }

    @Test
    void boundedSemaphoreCountsAPermitInHandOverAsTaken() {
        BoundedSemaphore semaphore = new BoundedSemaphore(1);
        semaphore.acquire();
        taker(semaphore, "waiter");
        settle();
        semaphore.release();
        assertTrue(semaphore.locked(), "the permit went to the waiter, not back to the pool");
        settle();
        assertEquals(List.of("waiter"), log);
        semaphore.release();
        assertThrows(IllegalArgumentException.class, semaphore::release);
    }
}
