package org.jasyncio.samples;

import org.junit.jupiter.api.Test;

class RunningTheEventLoopTest {

    private static final double SCALE = 0.05;

    @Test
    void asyncIORunBlocksUntilTheCoroutineHasSlept() throws InterruptedException {
        Transcript transcript = Transcript.of(out -> FreshLoop.around(() -> RunningTheEventLoop.run(SCALE, out)));

        LessonChecks.ranFor(transcript, 10 * SCALE);
    }

    @Test
    void runUntilCompleteOnTheCurrentLoopBlocksUntilTheCoroutineHasSlept() throws InterruptedException {
        Transcript transcript = Transcript.of(out -> FreshLoop.around(() -> RunUntilComplete.run(SCALE, out)));

        LessonChecks.ranFor(transcript, 10 * SCALE);
    }
}
