package org.jasyncio.internal.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ChunkedMpscQueueTest {

    @Test
    void elementsComeOutInOrderAcrossChunkBoundaries() {
        ChunkedMpscQueue<Integer> queue = new ChunkedMpscQueue<>(4);
        assertTrue(queue.isEmpty());
        assertNull(queue.poll());
        List<Integer> taken = new ArrayList<>();
        int next = 0;
        // Interleave adds and polls so the consumer meets the end of a chunk both before and after
        // the producer has linked the next one.
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < round; i++) {
                queue.offer(next++);
            }
            assertEquals(round == 0, queue.isEmpty());
            Integer element;
            while ((element = queue.poll()) != null) {
                taken.add(element);
            }
            assertTrue(queue.isEmpty());
        }
        assertEquals(next, taken.size());
        for (int i = 0; i < next; i++) {
            assertEquals(i, taken.get(i));
        }
    }

    @Test
    void nullIsRefused() {
        ChunkedMpscQueue<Object> queue = new ChunkedMpscQueue<>();
        assertThrows(NullPointerException.class, () -> queue.offer(null));
        assertTrue(queue.isEmpty(), "a refused element claims no slot");
        queue.offer("x");
        assertEquals("x", queue.poll());
        assertThrows(IllegalArgumentException.class, () -> new ChunkedMpscQueue<>(0));
    }

    @Test
    void concurrentProducersLoseNothingAndKeepTheirOwnOrder() throws InterruptedException {
        int producers = 4;
        int each = 200_000;
        ChunkedMpscQueue<long[]> queue = new ChunkedMpscQueue<>(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) {
                    queue.offer(new long[] {producer, i});
                }
            }, "producer-" + p);
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        int[] nextExpected = new int[producers];
        int received = 0;
        while (received < producers * each) {
            long[] element = queue.poll();
            if (element == null) {
                Thread.onSpinWait();
                continue;
            }
            int producer = (int) element[0];
            assertEquals(nextExpected[producer], element[1], "producer " + producer + "'s order");
            nextExpected[producer]++;
            received++;
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertNull(queue.poll(), "nothing beyond what was added");
        for (int p = 0; p < producers; p++) {
            assertEquals(each, nextExpected[p]);
        }
        assertFalse(threads.stream().anyMatch(Thread::isAlive));
    }
}
