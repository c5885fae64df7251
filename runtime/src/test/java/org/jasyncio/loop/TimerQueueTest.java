package org.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.jasyncio.internal.loop.TimerQueue;
import org.junit.jupiter.api.Test;

class TimerQueueTest {

    private static final class Timer {
        final long deadline;
        final int order;
        boolean cancelled;

        Timer(long deadline, int order) {
            this.deadline = deadline;
            this.order = order;
        }
    }

    private final TimerQueue<Timer> queue = new TimerQueue<>(t -> t.cancelled);

    private List<Timer> drain() {
        List<Timer> out = new ArrayList<>();
        while (true) {
            queue.dropCancelledHead();
            if (queue.isEmpty()) {
                return out;
            }
            out.add(queue.removeHead());
        }
    }

    @Test
    void yieldsTimersByDeadlineThenScheduleOrder() {
        Random random = new Random(42);
        List<Timer> timers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Timer timer = new Timer(random.nextInt(50), i);
            timers.add(timer);
            queue.add(timer.deadline, timer);
        }
        timers.sort(Comparator.<Timer>comparingLong(t -> t.deadline).thenComparingInt(t -> t.order));
        assertEquals(timers, drain());
    }

    @Test
    void comparesDeadlinesBySubtractionAcrossOverflow() {
        Timer late = new Timer(Long.MIN_VALUE + 5, 0);
        Timer early = new Timer(Long.MAX_VALUE - 5, 1);
        queue.add(late.deadline, late);
        queue.add(early.deadline, early);
        assertEquals(List.of(early, late), drain());
    }

    @Test
    void cancelledTimersLeaveLazilyFromTheHead() {
        Timer a = new Timer(1, 0);
        Timer b = new Timer(2, 1);
        queue.add(a.deadline, a);
        queue.add(b.deadline, b);
        a.cancelled = true;
        queue.noteCancelled();
        assertEquals(2, queue.size());
        queue.dropCancelledHead();
        assertEquals(1, queue.size());
        assertEquals(0, queue.cancelledCount());
        assertEquals(b, queue.head());
    }

    @Test
    void compactsWhenMoreThanHundredAndMostlyCancelled() {
        List<Timer> timers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Timer timer = new Timer(200 - i, i);
            timers.add(timer);
            queue.add(timer.deadline, timer);
        }
        for (int i = 0; i < 100; i++) {
            timers.get(2 * i).cancelled = true;
            queue.noteCancelled();
        }
        assertEquals(200, queue.size(), "exactly half cancelled: no compaction yet");
        timers.get(1).cancelled = true;
        queue.noteCancelled();
        assertEquals(99, queue.size());
        assertEquals(0, queue.cancelledCount());
        List<Timer> live = drain();
        assertEquals(99, live.size());
        assertTrue(live.stream().noneMatch(t -> t.cancelled));
        for (int i = 1; i < live.size(); i++) {
            assertTrue(live.get(i - 1).deadline < live.get(i).deadline);
        }
    }

    @Test
    void smallQueuesAreNotCompacted() {
        List<Timer> timers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Timer timer = new Timer(i, i);
            timers.add(timer);
            queue.add(i, timer);
        }
        for (Timer timer : timers.subList(0, 90)) {
            timer.cancelled = true;
            queue.noteCancelled();
        }
        assertEquals(100, queue.size());
        assertEquals(timers.subList(90, 100), drain());
    }
}
