package org.jasyncio.samples;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TourTest {

    private static final double SCALE = 0.1;

    @Test
    void runsEveryProgramOfTheLessonUnderItsSection() throws InterruptedException, IOException {
        Transcript tour;
        String log;
        try (LoopLog loopLog = LoopLog.capture()) {
            tour = Transcript.of(out -> Tour.run(SCALE, out));
            log = String.join("\n", loopLog.warnings());
        }

        LessonChecks.wholeTour(tour, log, SCALE);
    }
}
