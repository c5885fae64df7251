package org.jasyncio.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jasyncio.Future;
import org.jasyncio.LifoQueue;
import org.jasyncio.PriorityQueue;
import org.jasyncio.Queue;
import org.jasyncio.QueueEmptyException;
import org.jasyncio.QueueFullException;
import org.jasyncio.QueueShutDownException;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;

/** Ports CPython's test_queues. */
class QueueTest extends LoopFixture {
    private final List<Object> log = new ArrayList<>();

    private Task<Object> getter(Queue<?> queue) {
        return task(queue::get, log::add);
    }

    @Test
    void fifoLifoAndPriorityOrder() {
        Queue<Integer> fifo = new Queue<>();
        Queue<Integer> lifo = new LifoQueue<>();
        Queue<Integer> priority = new PriorityQueue<>();
        Queue<String> byLength = new PriorityQueue<>(0, Comparator.comparing(String::length));
        for (int i : new int[] {2, 3, 1}) {
            fifo.putNowait(i);
            lifo.putNowait(i);
            priority.putNowait(i);
        }
        byLength.putNowait("ccc");
        byLength.putNowait("a");
        List<Integer> got = new ArrayList<>();
        for (Queue<Integer> queue : List.of(fifo, lifo, priority)) {
            for (int i = 0; i < 3; i++) {
                got.add(queue.getNowait());
            }
        }
        assertEquals(List.of(2, 3, 1, 1, 3, 2, 1, 2, 3), got);
        assertEquals("a", byLength.getNowait());
    }

    @Test
    void sizeFullAndNowaitErrors() {
        Queue<String> queue = new Queue<>(1);
        assertEquals(1, queue.maxsize());
        assertTrue(queue.empty());
        assertThrows(QueueEmptyException.class, queue::getNowait);
        queue.putNowait("a");
        assertTrue(queue.full());
        assertEquals(1, queue.qsize());
        assertThrows(QueueFullException.class, () -> queue.putNowait("b"));
        assertEquals("<Queue maxsize=1 _queue=[a] tasks=1>", queue.toString());
        assertFalse(new Queue<>(0).full());
    }

    @Test
    void waitingGettersAreServedInArrivalOrder() {
        Queue<String> queue = new Queue<>();
        getter(queue);
        getter(queue);
        settle();
        queue.putNowait("x");
        queue.putNowait("y");
        settle();
        assertEquals(List.of("x", "y"), log);
        assertTrue(queue.empty());
    }

    @Test
    void aCancelledGetterDoesNotLoseTheItem() {
        Queue<String> queue = new Queue<>();
        Task<Object> first = getter(queue);
        getter(queue);
        settle();
        queue.putNowait("item");
        first.cancel();
        settle();
        assertTrue(first.cancelled());
        assertEquals(List.of("item"), log, "the item handed to the cancelled getter went to the next one");
    }

    @Test
    void anItemHandedToAGetFutureStaysWithItUntilAwaited() {
        Queue<String> queue = new Queue<>();
        Future<String> awaitedLater = queue.get();
        queue.putNowait("mine");
        queue.putNowait("next");
        settle();
        settle();
        assertEquals("next", queue.getNowait(), "the handed-over item is not put back");
        task(() -> awaitedLater, log::add);
        settle();
        assertEquals(List.of("mine"), log);
    }

    @Test
    void anItemHandedToACancelledGetterGoesBackIntoTheQueue() {
        Queue<String> queue = new Queue<>();
        Task<Object> only = getter(queue);
        settle();
        queue.putNowait("item");
        only.cancel();
        settle();
        assertTrue(only.cancelled());
        assertEquals("item", queue.getNowait());
    }

    @Test
    void aWaitingPutStoresItsItemWhenASlotFrees() {
        Queue<String> queue = new Queue<>(1);
        queue.putNowait("a");
        Future<Void> blocked = queue.put("b");
        Future<Void> cancelled = queue.put("c");
        Future<Void> last = queue.put("d");
        assertFalse(blocked.done());
        assertTrue(cancelled.cancel());
        assertEquals("a", queue.getNowait());
        assertTrue(blocked.done());
        assertEquals("b", queue.getNowait());
        assertTrue(last.done());
        assertEquals("d", queue.getNowait());
        assertTrue(queue.empty());
    }

    @Test
    void joinWaitsForEveryTaskDone() {
        Queue<String> queue = new Queue<>();
        assertTrue(queue.join().done());
        queue.putNowait("a");
        queue.putNowait("b");
        Future<Boolean> joined = queue.join();
        queue.getNowait();
        queue.getNowait();
        queue.taskDone();
        settle();
        assertFalse(joined.done());
        queue.taskDone();
        settle();
        assertTrue(joined.done());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, queue::taskDone);
        assertEquals("taskDone() called too many times", error.getMessage());
    }

    @Test
    void shutdownFailsPuttersAndGettersButKeepsItems() {
        Queue<String> full = new Queue<>(1);
        full.putNowait("kept");
        Future<Void> putter = full.put("refused");
        full.shutdown();
        assertInstanceOf(QueueShutDownException.class, putter.exception());
        assertThrows(QueueShutDownException.class, () -> full.putNowait("x"));
        assertInstanceOf(QueueShutDownException.class, full.put("x").exception());
        assertEquals("kept", full.getNowait());
        QueueShutDownException error = assertThrows(QueueShutDownException.class, full::getNowait);
        assertEquals("Queue is shut down", error.getMessage());

        Queue<String> empty = new Queue<>();
        Future<String> getter = empty.get();
        empty.shutdown();
        assertInstanceOf(QueueShutDownException.class, getter.exception());
        assertInstanceOf(QueueShutDownException.class, empty.get().exception());
    }

    @Test
    void immediateShutdownDropsItemsAndReleasesJoin() {
        Queue<String> queue = new Queue<>();
        queue.putNowait("a");
        queue.putNowait("b");
        Future<Boolean> joined = queue.join();
        queue.shutdown(true);
        settle();
        assertTrue(queue.empty());
        assertTrue(joined.done());
        assertEquals("<Queue maxsize=0 shutdown>", queue.toString());
    }
}
