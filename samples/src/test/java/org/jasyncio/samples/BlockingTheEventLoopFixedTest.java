package org.jasyncio.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;

import org.jasyncio.testing.LogCapture;
import org.junit.jupiter.api.Test;

class BlockingTheEventLoopFixedTest {

    private static final double SCALE = 0.1;
    private static final double RESOLVER_SLEEP = 10 * SCALE;

    @Test
    void aliveLinesKeepTickingWhileTheResolverSleeps() throws InterruptedException {
        Transcript transcript;
        String log;
        try (LogCapture logs = LogCapture.start()) {
            transcript = Transcript.of(out -> FreshLoop.around(() -> BlockingTheEventLoopFixed.run(SCALE, out)));
            log = String.join("\n", logs.messages(Level.WARNING));
        }

        LessonChecks.aliveTicksThroughout(transcript, RESOLVER_SLEEP);
        double slowest = SlowCallbackReport.slowest(log);
        assertTrue(slowest < RESOLVER_SLEEP / 2, () -> "debug mode reported a slow callback:\n" + log);
    }
}
