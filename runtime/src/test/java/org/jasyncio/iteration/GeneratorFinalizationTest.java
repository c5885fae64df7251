package org.jasyncio.iteration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jasyncio.AsyncIO;
import org.jasyncio.AsyncIterator;
import org.jasyncio.EventLoop;
import org.junit.jupiter.api.Test;

/**
 * A generator's {@code finally} never silently fails to run: {@code AsyncIO.run} closes the ones
 * left open (asyncio's {@code shutdown_asyncgens}), and a generator dropped unfinished is closed on
 * its loop (asyncio's async-generator finalizer).
 */
class GeneratorFinalizationTest {
    private final List<String> log = new ArrayList<>();

    @Test
    void runClosesTheGeneratorsLeftOpenWhenMainEnds() {
        List<Object> got = AsyncIO.run(() -> Collect.collect(
                AsyncIterator.generate(() -> Script.script(List.of(1, 2, 3), log)), 1));
        assertEquals(List.of(1), got);
        assertEquals(List.of("finally CancelledException"), log);
    }

    @Test
    void aGeneratorDroppedUnfinishedIsClosedOnItsLoop() {
        EventLoop loop = AsyncIO.newEventLoop();
        AsyncIO.setEventLoop(loop);
        try {
            startAndDrop(loop);
            // the loop runs while the garbage collector finds the dropped handle: bounded, so a leak fails
            for (int i = 0; i < 200 && log.isEmpty(); i++) {
                System.gc();
                loop.runUntilComplete(AsyncIO.sleep(0.01));
            }
            assertEquals(List.of("finally CancelledException"), log);
        } finally {
            AsyncIO.setEventLoop(null);
            loop.close();
        }
    }

    private void startAndDrop(EventLoop loop) {
        AsyncIterator<Object> dropped = AsyncIterator.generate(() -> Script.script(List.of(1, 2), log));
        assertEquals(List.of(1), loop.runUntilComplete(Collect.collect(dropped, 1)));
        assertTrue(log.isEmpty());
    }
}
