package org.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jasyncio.EventLoop;
import org.jasyncio.spi.Clock;
import org.jasyncio.spi.Poller;
import org.jasyncio.internal.selector.SelectorPoller;
import org.junit.jupiter.api.Test;

/** asyncio's {@code test_events.test_timeout_rounding}, on a real selector and the system clock. */
class TimeoutRoundingTest {

    /** Counts iterations: the loop polls exactly once per iteration. */
    private static final class CountingPoller implements Poller {
        final SelectorPoller delegate = new SelectorPoller();
        final List<Long> timeouts = new ArrayList<>();

        @Override
        public void poll(long timeoutNanos) {
            timeouts.add(timeoutNanos);
            delegate.poll(timeoutNanos);
        }

        @Override
        public void wakeup() {
            delegate.wakeup();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static final class CountedLoop extends EventLoop {
        CountedLoop(CountingPoller poller) {
            super(poller, Clock.SYSTEM);
        }
    }

    @Test
    void subMillisecondTimersDoNotBusySpin() {
        CountingPoller poller = new CountingPoller();
        EventLoop loop = new CountedLoop(poller);
        try {
            double[] delays = {1e-2, 1e-4, 1e-6, 1e-8, 1e-10};
            List<Integer> fired = new ArrayList<>();
            scheduleChain(loop, delays, 0, fired);
            loop.runForever();
            assertEquals(List.of(0, 1, 2, 3, 4), fired);
            assertTrue(poller.timeouts.size() <= 20, "iterations: " + poller.timeouts.size());
        } finally {
            loop.close();
        }
    }

    private static void scheduleChain(EventLoop loop, double[] delays, int index, List<Integer> fired) {
        loop.callLater(delays[index], () -> {
            fired.add(index);
            if (index + 1 < delays.length) {
                scheduleChain(loop, delays, index + 1, fired);
            } else {
                loop.stop();
            }
        });
    }
}
