package org.jasyncio.samples.iteration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.jasyncio.AsyncIO;
import org.junit.jupiter.api.Test;

class LogTailTest {

    @Test
    void theTailReadsOnlyAsFarAsTheProblemsItWasAskedFor() {
        LogTail.Summary summary = AsyncIO.run(() -> LogTail.demo(2));
        assertEquals(List.of("12:00:03 WARN disk 81% full", "12:00:05 ERROR payment 17 failed: timeout"),
                summary.problems());
        assertEquals(Map.of("DEBUG", 1, "ERROR", 1, "INFO", 3, "WARN", 1), summary.linesPerLevel(),
                "the lines up to the second problem, none after it");
    }

    @Test
    void askedForMoreThanThereAreTheTailReadsTheWholeLog() {
        LogTail.Summary summary = AsyncIO.run(() -> LogTail.demo(10));
        assertEquals(3, summary.problems().size());
        assertEquals(Map.of("DEBUG", 1, "ERROR", 2, "INFO", 5, "WARN", 1), summary.linesPerLevel());
    }
}
