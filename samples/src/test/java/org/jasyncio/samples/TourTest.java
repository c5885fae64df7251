package org.jasyncio.samples;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TourTest {

    private static final double SCALE = 0.1;

    @Test
    void runsEveryProgramOfTheLessonUnderItsSection() throws InterruptedException, IOException {
        LoggedRun tour = LoggedRun.of(out -> Tour.run(SCALE, out));

        LessonChecks.wholeTour(tour.transcript(), tour.warnings(), SCALE);
    }
}
