package org.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jasyncio.Handle;
import org.jasyncio.TimerHandle;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulingTest {

    private final VirtualTimeLoop loop = VirtualTimeLoop.create();
    private final List<String> events = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private Runnable record(String event) {
        return () -> events.add(event);
    }

    @Test
    void callSoonRunsInFifoOrderAndNeverInsideTheCall() {
        loop.callSoon(record("a"));
        loop.callSoon(record("b"));
        loop.callSoon(record("c"));
        assertEquals(List.of(), events);
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(List.of("a", "b", "c"), events);
    }

    @Test
    void callbacksScheduledDuringABatchRunInTheNextIteration() {
        loop.callSoon(() -> {
            events.add("first@" + loop.polls());
            loop.callSoon(() -> events.add("nested@" + loop.polls()));
        });
        loop.callSoon(() -> events.add("second@" + loop.polls()));
        loop.callSoon(loop::stop);
        loop.runForever();
        loop.stop();
        loop.runForever();
        assertEquals(List.of("first@1", "second@1", "nested@2"), events);
    }

    @Test
    void threadsafeCallMadeBeforeAPlainCallRunsFirst() {
        loop.callSoonThreadsafe(record("threadsafe"));
        loop.callSoon(record("plain"));
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(List.of("threadsafe", "plain"), events);
    }

    @Test
    void threadsafeAndPlainCallsInterleaveInCallOrderOnTheLoopThread() {
        loop.callSoon(() -> {
            loop.callSoon(record("p1"));
            loop.callSoonThreadsafe(record("t1"));
            loop.callSoon(record("p2"));
            loop.callSoonThreadsafe(record("t2"));
            loop.callSoon(record("p3"));
            loop.callSoon(loop::stop);
        });
        loop.runForever();
        assertEquals(List.of("p1", "t1", "p2", "t2", "p3"), events);
    }

    @Test
    void stopBeforeRunForeverRunsExactlyOneIteration() {
        loop.callSoon(() -> {
            events.add("ready");
            loop.callSoon(record("next iteration"));
        });
        loop.callLater(1.0, record("timer"));
        loop.stop();
        loop.runForever();
        assertEquals(List.of("ready"), events);
        assertEquals(0.0, loop.time());
        assertEquals(1, loop.polls());
        loop.stop();
        loop.runForever();
        assertEquals(List.of("ready", "next iteration"), events);
    }

    @Test
    void stopLetsTheCurrentBatchComplete() {
        loop.callSoon(loop::stop);
        loop.callSoon(record("same batch"));
        loop.runForever();
        assertEquals(List.of("same batch"), events);
        assertFalse(loop.isRunning());
    }

    @Test
    void timersRunAtTheirDeadlinesInVirtualTime() {
        List<Double> firedAt = new ArrayList<>();
        loop.callLater(10.0, () -> firedAt.add(loop.time()));
        loop.callLater(Duration.ofMillis(2500), () -> firedAt.add(loop.time()));
        loop.callAt(20.0, () -> {
            firedAt.add(loop.time());
            loop.stop();
        });
        loop.runForever();
        assertEquals(List.of(2.5, 10.0, 20.0), firedAt);
    }

    @Test
    void timersWithEqualDeadlinesRunInScheduleOrder() {
        for (int i = 0; i < 50; i++) {
            loop.callAt(5.0, record("t" + i));
        }
        loop.callAt(5.0, loop::stop);
        loop.runForever();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add("t" + i);
        }
        assertEquals(expected, events);
    }

    @Test
    void callLaterIsCallAtOfTimePlusDelay() {
        loop.advance(1234.567891); // a time whose sum with the delay rounds, as real clocks' do
        for (int i = 0; i < 20; i++) {
            if (i % 2 == 0) {
                loop.callLater(0.3, record("t" + i));
            } else {
                loop.callAt(loop.time() + 0.3, record("t" + i));
            }
        }
        assertEquals(loop.time() + 0.3, loop.callLater(0.3, loop::stop).when());
        loop.runForever();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add("t" + i);
        }
        assertEquals(expected, events, "asyncio's call_later(d) is call_at(time() + d): the same deadline");
    }

    @Test
    void negativeDelayRunsAsSoonAsPossibleAfterReadyCallbacks() {
        loop.callSoon(record("soon"));
        loop.callLater(-5.0, record("negative"));
        loop.callLater(0.0, record("zero"));
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(List.of("soon", "negative", "zero"), events);
        assertEquals(0.0, loop.time());
    }

    @Test
    void cancelledTimersAndHandlesDoNotRun() {
        TimerHandle timer = loop.callLater(1.0, record("timer"));
        Handle handle = loop.callSoon(record("handle"));
        loop.callLater(2.0, loop::stop);
        timer.cancel();
        handle.cancel();
        assertTrue(timer.cancelled());
        assertTrue(handle.cancelled());
        loop.runForever();
        assertEquals(List.of(), events);
        assertEquals(2.0, loop.time());
    }

    @Test
    void manyCancelledTimersNeverRunAndLiveOnesStillDo() {
        List<TimerHandle> timers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            timers.add(loop.callLater(1.0 + i, record("t" + i)));
        }
        for (int i = 0; i < 300; i++) {
            if (i % 10 != 0) {
                timers.get(i).cancel();
            }
        }
        loop.callLater(1000.0, loop::stop);
        loop.runForever();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i += 10) {
            expected.add("t" + i);
        }
        assertEquals(expected, events);
    }

    @Test
    void cancellingATimerThatAlreadyRanChangesNothing() {
        TimerHandle fired = loop.callLater(1.0, record("fired"));
        loop.callLater(2.0, loop::stop);
        loop.runForever();
        fired.cancel();
        assertTrue(fired.cancelled());
        loop.callLater(1.0, record("next"));
        loop.callLater(2.0, loop::stop);
        loop.runForever();
        assertEquals(List.of("fired", "next"), events);
        assertEquals(4.0, loop.time());
    }

    @Test
    void theClockDoesNotMoveWithoutTimers() {
        loop.callSoon(record("a"));
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(0.0, loop.time());
    }

    @Test
    void timerHandleReportsWhen() {
        loop.advance(3.0);
        TimerHandle later = loop.callLater(1.5, record("x"));
        TimerHandle at = loop.callAt(7.25, record("y"));
        assertEquals(4.5, later.when());
        assertEquals(7.25, at.when());
    }
}
