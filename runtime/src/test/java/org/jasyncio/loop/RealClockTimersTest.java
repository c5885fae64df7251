package org.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Timers on a loop whose clock moves while they are scheduled: the virtual clock of the other
 * scheduling tests stands still between two calls, so it cannot show a deadline that depends on
 * the moment of the call.
 */
class RealClockTimersTest {

    private final EventLoop loop = AsyncIO.newEventLoop();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void callAtWithOneWhenRunsInScheduleOrder() {
        double when = loop.time() + 0.05;
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int n = i;
            loop.callAt(when, () -> ran.add(n));
        }
        loop.callAt(when, loop::stop);
        loop.runForever();
        assertEquals(2_000, ran.size());
        for (int i = 0; i < ran.size(); i++) {
            assertEquals(i, ran.get(i), "callback run in position " + i);
        }
    }

    @Test
    void callAtKeepsTheWhenItWasGiven() {
        double when = loop.time() + 1234.5;
        assertEquals(when, loop.callAt(when, () -> { }).when());
    }
}
