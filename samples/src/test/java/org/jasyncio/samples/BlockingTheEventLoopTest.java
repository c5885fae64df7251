package org.jasyncio.samples;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class BlockingTheEventLoopTest {

    private static final double SCALE = 0.1;
    private static final double BLOCKED_FOR = 10 * SCALE;

    @Test
    void aliveLinesStopWhileTheResolverBlocksAndDebugModeReportsIt() throws InterruptedException, IOException {
        LoggedRun run = LoggedRun.of(out -> FreshLoop.around(() -> BlockingTheEventLoop.run(SCALE, out)));

        LessonChecks.aliveSilentWhileBlocked(run.transcript(), BLOCKED_FOR);
        SlowCallbackReport.find(run.warnings())
                .orElseThrow(() -> new AssertionError("no slow-callback report for the resolver in:\n" + run.warnings()))
                .assertNamesResolver(BLOCKED_FOR);
    }
}
