package org.jasyncio.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BlockingTheEventLoopFixedTest {

    private static final double SCALE = 0.1;
    private static final double RESOLVER_SLEEP = 10 * SCALE;

    @Test
    void aliveLinesKeepTickingWhileTheResolverSleeps() throws InterruptedException {
        LoggedRun run = LoggedRun.of(out -> FreshLoop.around(() -> BlockingTheEventLoopFixed.run(SCALE, out)));

        LessonChecks.aliveTicksThroughout(run.transcript(), RESOLVER_SLEEP);
        double slowest = SlowCallbackReport.slowest(run.warnings());
        assertTrue(slowest < RESOLVER_SLEEP / 2, () -> "debug mode reported a slow callback:\n" + run.warnings());
    }
}
