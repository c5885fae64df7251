package org.jasyncio.samples;

import java.io.IOException;
import java.util.logging.Level;
import org.jasyncio.testing.LogCapture;
import org.junit.jupiter.api.Test;

class BlockingTheEventLoopTest {

    private static final double SCALE = 0.1;
    private static final double BLOCKED_FOR = 10 * SCALE;

    @Test
    void aliveLinesStopWhileTheResolverBlocksAndDebugModeReportsIt() throws InterruptedException, IOException {
        Transcript transcript;
        String log;
        try (LogCapture logs = LogCapture.start()) {
            transcript = Transcript.of(out -> FreshLoop.around(() -> BlockingTheEventLoop.run(SCALE, out)));
            log = String.join("\n", logs.messages(Level.WARNING));
        }

        LessonChecks.aliveSilentWhileBlocked(transcript, BLOCKED_FOR);
        SlowCallbackReport.find(log)
                .orElseThrow(() -> new AssertionError("no slow-callback report for the resolver in:\n" + log))
                .assertNamesResolver(BLOCKED_FOR);
    }
}
