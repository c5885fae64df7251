package org.jasyncio.samples;

import java.io.IOException;
import java.util.logging.Level;
import org.jasyncio.testing.LogCapture;
import org.junit.jupiter.api.Test;

class TourTest {

    private static final double SCALE = 0.1;

    @Test
    void runsEveryProgramOfTheLessonUnderItsSection() throws InterruptedException, IOException {
        Transcript tour;
        String log;
        try (LogCapture logs = LogCapture.start()) {
            tour = Transcript.of(out -> Tour.run(SCALE, out));
            log = String.join("\n", logs.messages(Level.WARNING));
        }

        LessonChecks.wholeTour(tour, log, SCALE);
    }
}
