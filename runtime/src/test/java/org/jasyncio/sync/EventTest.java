package org.jasyncio.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jasyncio.Event;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;

/** Ports CPython's test_locks.EventTests. */
class EventTest extends LoopFixture {
    private final Event event = new Event();
    private final List<String> log = new ArrayList<>();

    @Test
    void setWakesEveryWaiterInOrder() {
        task(event::waitAsync, v -> log.add("1"));
        task(event::waitAsync, v -> log.add("2"));
        task(event::waitAsync, v -> log.add("3"));
        settle();
        assertEquals(List.of(), log);
        assertEquals("<Event [unset, waiters:3]>", event.toString());
        event.set();
        settle();
        assertEquals(List.of("1", "2", "3"), log);
        assertEquals("<Event [set]>", event.toString());
    }

    @Test
    void waitingOnASetEventReturnsAtOnceUntilCleared() {
        event.set();
        assertTrue(event.isSet());
        Future<Boolean> now = event.waitAsync();
        assertTrue(now.done());
        assertTrue(now.result());
        event.clear();
        assertFalse(event.isSet());
        assertFalse(event.waitAsync().done());
    }

    @Test
    void setThenClearStillWakesWhoWaited() {
        Future<Boolean> waiting = event.waitAsync();
        event.set();
        event.clear();
        assertTrue(waiting.done());
        assertTrue(waiting.result());
    }

    @Test
    void aCancelledWaiterLeavesAndOthersStillWake() {
        Task<Object> cancelled = task(event::waitAsync, v -> log.add("cancelled"));
        task(event::waitAsync, v -> log.add("other"));
        settle();
        cancelled.cancel();
        settle();
        assertEquals("<Event [unset, waiters:1]>", event.toString());
        event.set();
        settle();
        assertTrue(cancelled.cancelled());
        assertEquals(List.of("other"), log);
    }
}
