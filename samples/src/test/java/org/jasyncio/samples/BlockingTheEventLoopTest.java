package org.jasyncio.samples;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class BlockingTheEventLoopTest {

    private static final double SCALE = 0.1;
    private static final double BLOCKED_FOR = 10 * SCALE;

    @Test
    void aliveLinesStopWhileTheResolverBlocksAndDebugModeReportsIt() throws InterruptedException, IOException {
        Transcript transcript;
        String log;
        try (LoopLog loopLog = LoopLog.capture()) {
            transcript = Transcript.of(out -> FreshLoop.around(() -> BlockingTheEventLoop.run(SCALE, out)));
            log = String.join("\n", loopLog.warnings());
        }

        LessonChecks.aliveSilentWhileBlocked(transcript, BLOCKED_FOR);
        SlowCallbackReport.find(log)
                .orElseThrow(() -> new AssertionError("no slow-callback report for the resolver in:\n" + log))
                .assertNamesResolver(BLOCKED_FOR);
    }
}
