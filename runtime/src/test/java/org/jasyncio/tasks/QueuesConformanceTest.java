package org.jasyncio.tasks;

import static org.jasyncio.testing.Steps.then;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.Event;
import org.jasyncio.Future;
import org.jasyncio.LifoQueue;
import org.jasyncio.PriorityQueue;
import org.jasyncio.Queue;
import org.jasyncio.QueueEmptyException;
import org.jasyncio.QueueFullException;
import org.jasyncio.QueueShutDownException;
import org.jasyncio.Task;
import org.jasyncio.TimeoutException;
import org.jasyncio.sync.LoopFixture;
import org.jasyncio.testing.Steps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CPython's {@code Lib/test/test_asyncio/test_queues.py}, each test named after the CPython test it
 * ports ({@code docs/conformance.md} lists all). As in {@link LocksConformanceTest}, the test drives
 * the loop ({@code await asyncio.sleep(0)} is {@code spin(1)}, {@code await t} is
 * {@code loop.runUntilComplete(t)}) and the coroutines it starts are {@link Steps} bodies. The mixin
 * tests CPython runs for Queue, LifoQueue and PriorityQueue are parameterized by the queue's kind.
 */
class QueuesConformanceTest extends LoopFixture {

    /** CPython's {@code self.q_class(maxsize)}. */
    private static Queue<Object> newQueue(String kind, int maxsize) {
        switch (kind) {
            case "LifoQueue":
                return new LifoQueue<>(maxsize);
            case "PriorityQueue":
                return new PriorityQueue<>(maxsize);
            default:
                return new Queue<>(maxsize);
        }
    }

    /** {@code await x} in the test's coroutine, for something that needs the loop to finish. */
    private <T> T await(Future<T> x) {
        return loop.runUntilComplete(x);
    }

    // ---- QueueBasicTests

    @Test
    void testStr() {
        Queue<Object> q = new Queue<>();
        assertTrue(q.toString().startsWith("<Queue"), q.toString());
        Task<Object> getter = Steps.inTurn(v -> q.get());
        spin(1);
        assertTrue(q.toString().contains("_getters[1]"), q.toString());
        q.putNowait(0);
        assertEquals(0, await(getter));

        Queue<Object> bounded = new Queue<>(1);
        bounded.putNowait(1);
        Task<Object> putter = Steps.inTurn(v -> bounded.put(2));
        spin(1);
        assertTrue(bounded.toString().contains("_putters[1]"), bounded.toString());
        bounded.getNowait();
        await(putter);
        assertTrue(putter.done());

        Queue<Object> one = new Queue<>();
        one.putNowait(1);
        assertTrue(one.toString().contains("_queue=[1]"), one.toString());
    }

    @Test
    void testEmpty() {
        Queue<Object> q = new Queue<>();
        assertTrue(q.empty());
        await(q.put(1));
        assertFalse(q.empty());
        assertEquals(1, await(q.get()));
        assertTrue(q.empty());
    }

    @Test
    void testFull() {
        assertFalse(new Queue<>().full());
        Queue<Object> q = new Queue<>(1);
        await(q.put(1));
        assertTrue(q.full());
    }

    @Test
    void testOrder() {
        assertEquals(List.of(1, 3, 2), putAndGet(new Queue<>(), 1, 3, 2));
    }

    /** CPython's {@code test_order}: put each, then get as many. */
    private List<Object> putAndGet(Queue<Object> q, Object... items) {
        for (Object item : items) {
            await(q.put(item));
        }
        List<Object> got = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            got.add(await(q.get()));
        }
        return got;
    }

    @Test
    void testMaxsize() {
        Queue<Object> q = new Queue<>(2);
        assertEquals(2, q.maxsize());
        List<Integer> haveBeenPut = new ArrayList<>();
        Task<Object> t = Steps.inTurn(v -> q.put(0), then(() -> haveBeenPut.add(0)), v -> q.put(1),
                then(() -> haveBeenPut.add(1)), v -> q.put(2), then(() -> haveBeenPut.add(2)), v -> Task.completed(true));
        spin(2);
        assertEquals(List.of(0, 1), haveBeenPut, "the putter is blocked after putting two items");
        assertEquals(0, q.getNowait());
        spin(1);
        assertEquals(List.of(0, 1, 2), haveBeenPut);
        assertEquals(1, q.getNowait());
        assertEquals(2, q.getNowait());
        assertTrue(t.done());
        assertEquals(true, t.result());
    }

    // ---- QueueGetTests

    @Test
    void testBlockingGet() {
        Queue<Object> q = new Queue<>();
        q.putNowait(1);
        assertEquals(1, await(q.get()));
    }

    @Test
    void testGetWithPutters() {
        Queue<Object> q = new Queue<>(1);
        await(q.put(1));
        Task<Object> putter = Steps.inTurn(v -> q.put(2)); // asyncio appends a bare future to _putters
        spin(1);
        assertEquals(1, await(q.get()));
        spin(1);
        assertTrue(putter.done());
        assertNull(putter.result());
    }

    @Test
    void testBlockingGetWait() {
        Queue<Object> q = new Queue<>();
        Event started = new Event();
        boolean[] finished = {false};
        Task<Object> queueGetTask = Steps.inTurn(then(started::set), v -> q.get(), v -> {
            finished[0] = true;
            return Task.completed(v);
        });
        await(started.waitAsync());
        assertFalse(finished[0]);
        loop.callLater(0.01, () -> q.putNowait(1));
        assertEquals(1, await(queueGetTask));
        assertTrue(finished[0]);
    }

    @Test
    void testNonblockingGet() {
        Queue<Object> q = new Queue<>();
        q.putNowait(1);
        assertEquals(1, q.getNowait());
    }

    @Test
    void testNonblockingGetException() {
        assertThrows(QueueEmptyException.class, new Queue<>()::getNowait);
    }

    @Test
    void testGetCancelledRace() {
        Queue<Object> q = new Queue<>();
        Task<Object> t1 = Steps.inTurn(v -> q.get());
        Task<Object> t2 = Steps.inTurn(v -> q.get());
        spin(1);
        t1.cancel();
        spin(1);
        assertTrue(t1.done());
        await(q.put("a"));
        spin(1);
        assertEquals("a", await(t2));
    }

    @Test
    void testGetWithWaitingPutters() {
        Queue<Object> q = new Queue<>(1);
        Steps.inTurn(v -> q.put("a"));
        Steps.inTurn(v -> q.put("b"));
        assertEquals("a", await(q.get()));
        assertEquals("b", await(q.get()));
    }

    @Test
    void testWhyAreGettersWaiting() {
        Queue<Object> q = new Queue<>(1);
        int items = 5;
        Task<Object> producer = Steps.inTurn(v -> q.put(0), v -> q.put(1), v -> q.put(2), v -> q.put(3), v -> q.put(4));
        Task<Object> consumer = Steps.inTurn(v -> q.get(), v -> q.get(), v -> q.get(), v -> q.get(), v -> q.get());
        await(AsyncIO.gather(producer, consumer));
        assertEquals(4, consumer.result(), "the consumer got all " + items);
    }

    @Test
    void testCancelledGettersNotBeingHeldInSelfGetters() {
        Queue<Object> queue = new Queue<>(5);
        assertThrows(TimeoutException.class, () -> await(AsyncIO.waitFor(queue.get(), 0.1)));
        assertFalse(queue.toString().contains("_getters"), queue.toString());
    }

    // ---- QueuePutTests

    @Test
    void testBlockingPut() {
        Queue<Object> q = new Queue<>();
        await(q.put(1));
        assertEquals(1, await(q.get()));
    }

    @Test
    void testBlockingPutWait() {
        Queue<Object> q = new Queue<>(1);
        Event started = new Event();
        boolean[] finished = {false};
        loop.callLater(0.01, q::getNowait);
        Task<Object> queuePutTask = Steps.inTurn(then(started::set), v -> q.put(1), v -> q.put(2),
                then(() -> finished[0] = true));
        await(started.waitAsync());
        assertFalse(finished[0]);
        await(queuePutTask);
        assertTrue(finished[0]);
    }

    @Test
    void testNonblockingPut() {
        Queue<Object> q = new Queue<>();
        q.putNowait(1);
        assertEquals(1, q.getNowait());
    }

    @Test
    void testGetCancelDropOnePendingReader() {
        Queue<Object> q = new Queue<>();
        Task<Object> reader = Steps.inTurn(v -> q.get());
        spin(1);
        q.putNowait(1);
        q.putNowait(2);
        reader.cancel();
        Task<Object> first = reader;
        assertThrows(CancelledException.class, () -> await(first));
        reader = Steps.inTurn(v -> q.get()); // try again
        assertEquals(1, await(reader), "if we get 2, 1 got dropped");
    }

    @Test
    void testGetCancelDropManyPendingReaders() {
        Queue<Object> q = new Queue<>();
        Task<Object> reader1 = Steps.inTurn(v -> q.get());
        Task<Object> reader2 = Steps.inTurn(v -> q.get());
        Task<Object> reader3 = Steps.inTurn(v -> q.get());
        spin(1);
        q.putNowait(1);
        q.putNowait(2);
        reader1.cancel();
        assertThrows(CancelledException.class, () -> await(reader1));
        await(reader3);
        await(reader2);
        assertEquals(Set.of(1, 2), Set.of(reader2.result(), reader3.result()), "in either order");
    }

    @Test
    void testPutCancelDrop() {
        Queue<Object> q = new Queue<>(1);
        q.putNowait(1);
        Task<Object> writer = Steps.inTurn(v -> q.put(2)); // the second item has to wait
        spin(1);
        assertEquals(1, q.getNowait());
        writer.cancel();
        Task<Object> first = writer;
        assertThrows(CancelledException.class, () -> await(first));
        writer = Steps.inTurn(v -> q.put(2)); // try again
        await(writer);
        assertEquals(2, q.getNowait());
        assertEquals(0, q.qsize());
    }

    @Test
    void testNonblockingPutException() {
        Queue<Object> q = new Queue<>(1);
        q.putNowait(1);
        assertThrows(QueueFullException.class, () -> q.putNowait(2));
    }

    @Test
    void testPutCancelled() {
        Queue<Object> q = new Queue<>();
        Task<Object> t = Steps.inTurn(v -> q.put(1), v -> Task.completed(true));
        assertEquals(1, await(q.get()));
        assertTrue(t.done());
        assertEquals(true, t.result());
    }

    @Test
    void testPutCancelledRace() {
        Queue<Object> q = new Queue<>(1);
        Task<Object> putA = Steps.inTurn(v -> q.put("a"));
        Task<Object> putB = Steps.inTurn(v -> q.put("b"));
        Task<Object> putC = Steps.inTurn(v -> q.put("X"));
        spin(1);
        assertTrue(putA.done());
        assertFalse(putB.done());
        putC.cancel();
        spin(1);
        assertTrue(putC.done());
        assertEquals("a", q.getNowait());
        spin(1);
        assertEquals("b", q.getNowait());
        await(putB);
    }

    @Test
    void testPutWithWaitingGetters() {
        Queue<Object> q = new Queue<>();
        Task<Object> t = Steps.inTurn(v -> q.get());
        spin(1);
        await(q.put("a"));
        assertEquals("a", await(t));
    }

    @Test
    void testWhyArePuttersWaiting() {
        Queue<Object> queue = new Queue<>(2);
        Task<Object> getter = Steps.inTurn(v -> AsyncIO.sleep(0), then(() -> {
            for (int n = queue.qsize(); n > 0; n--) {
                queue.getNowait();
            }
        }));
        List<Future<?>> all = new ArrayList<>(List.of(getter));
        for (int i = 0; i < 4; i++) {
            int item = i;
            all.add(Steps.inTurn(v -> queue.put(item)));
        }
        await(AsyncIO.gather(all));
    }

    @Test
    void testCancelledPutsNotBeingHeldInSelfPutters() {
        Queue<Object> queue = new Queue<>(1);
        queue.putNowait(1);
        Task<Object> putTask = Steps.inTurn(v -> queue.put(1));
        spin(1);
        assertTrue(queue.toString().contains("_putters[1]"), queue.toString());
        putTask.cancel();
        assertThrows(CancelledException.class, () -> await(putTask));
        assertFalse(queue.toString().contains("_putters"), queue.toString());
    }

    @Test
    void testCancelledPutSilenceValueErrorException() {
        Queue<Object> queue = new Queue<>(1);
        queue.putNowait(1);
        Task<Object> putTask = Steps.inTurn(v -> queue.put(1));
        spin(1);
        queue.getNowait(); // wakes the putter
        putTask.cancel();
        assertThrows(CancelledException.class, () -> await(putTask));
    }

    // ---- LifoQueueTests, PriorityQueueTests

    @Test
    void testLifoOrder() {
        assertEquals(List.of(2, 3, 1), putAndGet(new LifoQueue<>(), 1, 3, 2));
    }

    @Test
    void testPriorityOrder() {
        assertEquals(List.of(1, 2, 3), putAndGet(new PriorityQueue<>(), 1, 3, 2));
    }

    // ---- _QueueJoinTestMixin, for each kind

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void testTaskDoneUnderflow(String kind) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, newQueue(kind, 0)::taskDone);
        assertEquals("taskDone() called too many times", error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void testTaskDone(String kind) {
        Queue<Object> q = newQueue(kind, 0);
        for (int i = 0; i < 100; i++) {
            q.putNowait(i);
        }
        int[] accumulator = {0};
        boolean[] running = {true};
        // two workers get items and call task_done after each; the test joins the queue
        List<Task<Object>> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            workers.add(worker(q, running, accumulator));
        }
        await(q.join());
        assertEquals(4950, accumulator[0]);
        running[0] = false; // close the workers
        for (int i = 0; i < workers.size(); i++) {
            q.putNowait(0);
        }
        await(AsyncIO.gather(workers));
    }

    /** CPython's {@code worker()}: {@code while running: item = await q.get(); accumulator += item; q.task_done()}. */
    private Task<Object> worker(Queue<Object> q, boolean[] running, int[] accumulator) {
        return Steps.inTurn(v -> q.get(), item -> {
            accumulator[0] += (Integer) item;
            q.taskDone();
            return running[0] ? worker(q, running, accumulator) : Steps.DONE;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void testJoinEmptyQueue(String kind) {
        Queue<Object> q = newQueue(kind, 0);
        assertTrue(q.join().done(), "an empty queue joins at once");
        assertTrue(q.join().done());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void testJoinFormat(String kind) {
        Queue<Object> q = newQueue(kind, 0);
        assertEquals("<" + kind + " maxsize=0>", q.toString());
        q.putNowait(1);
        q.putNowait(2);
        q.getNowait();
        q.getNowait();
        assertEquals("<" + kind + " maxsize=0 tasks=2>", q.toString());
    }

    // ---- _QueueShutdownTestMixin, for each kind

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void testShutdownFormat(String kind) {
        Queue<Object> q = newQueue(kind, 0);
        q.shutdown();
        assertEquals("<" + kind + " maxsize=0 shutdown>", q.toString());
    }

    /** Every put and get of a shut down queue raises QueueShutDown, waiting or not. */
    private void assertShutDown(Queue<Object> q) {
        assertThrows(QueueShutDownException.class, () -> await(q.put("data")));
        assertThrows(QueueShutDownException.class, () -> q.putNowait("data"));
        assertThrows(QueueShutDownException.class, () -> await(q.get()));
        assertThrows(QueueShutDownException.class, q::getNowait);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void testShutdownEmpty(String kind) {
        Queue<Object> q = newQueue(kind, 0);
        Task<Object> getTask = Steps.inTurn(v -> q.get());
        spin(1); // the get task pending before shutdown
        q.shutdown(false);
        assertEquals(0, q.qsize());
        await(q.join());
        spin(1);
        assertTrue(getTask.done());
        assertThrows(QueueShutDownException.class, () -> await(getTask));
        assertShutDown(q);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void testShutdownNonempty(String kind) {
        Queue<Object> q = newQueue(kind, 1);
        q.putNowait("data");
        Task<Object> joinTask = Steps.inTurn(v -> q.join());
        Task<Object> putTask = Steps.inTurn(v -> q.put("data2"));
        spin(1);
        assertFalse(putTask.done());
        q.shutdown(false); // unfinished tasks: 1 -> 1
        assertEquals(1, q.qsize());
        spin(1);
        assertTrue(putTask.done());
        assertThrows(QueueShutDownException.class, () -> await(putTask));
        assertEquals("data", await(q.get()));
        spin(1);
        assertFalse(joinTask.done());
        assertShutDown(q);
        q.taskDone();
        spin(1);
        assertTrue(joinTask.done());
        await(joinTask);
        assertThrows(IllegalArgumentException.class, q::taskDone, "all tasks were marked done");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void testShutdownImmediate(String kind) {
        Queue<Object> q = newQueue(kind, 0);
        q.putNowait("data");
        Task<Object> joinTask = Steps.inTurn(v -> q.join());
        q.shutdown(true); // unfinished tasks: 1 -> 0
        assertEquals(0, q.qsize());
        spin(1);
        assertTrue(joinTask.done());
        await(joinTask);
        assertShutDown(q);
        assertThrows(IllegalArgumentException.class, q::taskDone, "no unfinished task");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void testShutdownImmediateWithUnfinished(String kind) {
        Queue<Object> q = newQueue(kind, 0);
        q.putNowait("data");
        q.putNowait("data");
        Task<Object> joinTask = Steps.inTurn(v -> q.join());
        assertEquals("data", await(q.get()));
        q.shutdown(true); // unfinished tasks: 2 -> 1
        assertEquals(0, q.qsize());
        spin(1);
        assertFalse(joinTask.done());
        assertShutDown(q);
        q.taskDone();
        assertThrows(IllegalArgumentException.class, q::taskDone, "one unfinished task only");
        spin(1);
        assertTrue(joinTask.done());
        await(joinTask);
    }
}
