package org.jasyncio.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jasyncio.AsyncIO;
import org.junit.jupiter.api.Test;

class MultipleEventLoopsTest {

    @Test
    void everyThreadReportsItsOwnLoop() throws InterruptedException {
        long[] callerLoopId = new long[1];
        Transcript transcript = Transcript.of(out -> FreshLoop.around(() -> {
            callerLoopId[0] = AsyncIO.getEventLoop().id();
            MultipleEventLoops.run(0.05, out);
        }));

        LessonChecks.eachThreadItsOwnLoop(transcript);
        Transcript.LoopLine callerReport = transcript.loopLines().stream()
                .filter(r -> r.thread().equals(Thread.currentThread().getName()))
                .findFirst().orElseThrow(() -> new AssertionError("the calling thread reports:\n" + transcript));
        assertEquals(callerLoopId[0], callerReport.loopId(), "the calling thread reports its current loop");
    }
}
