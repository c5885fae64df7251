package org.jasyncio.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jasyncio.fuzz.program.Feature;
import org.junit.jupiter.api.Test;

/**
 * The fixed-seed budget {@code mvn verify} runs: every program's async twin, rewritten and
 * run under every schedule, behaves as its synchronous reference. A failure is shrunk and
 * written under {@code target/fuzz-regressions}; move it to
 * {@code src/test/resources/regressions} once understood.
 *
 * <p>The budget must also keep reaching what the generator is there for: a generator change
 * that stopped calling instance, private, generic or generic-class methods, or stopped
 * cancelling, would otherwise pass in silence.
 */
class FixedSeedFuzzTest {

    @Test
    void asyncTwinsBehaveAsTheirReferences() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20240607L);
        int programs = Integer.getInteger("fuzz.programs", 360);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Campaign.Summary summary = new Campaign(seed, 8, 2, Path.of("target/fuzz-regressions"), null,
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run(programs);
        String report = progress.toString(StandardCharsets.UTF_8);
        // Slow programs (a loaded build machine starves the loops) are reported, not failures.
        assertEquals(List.of(0, 0), List.of(summary.divergences(), summary.verifyErrors()), summary + "\n" + report);
        assertEquals(List.of(), summary.regressions());
        // The generator must stay honest: almost every program it writes is valid Java small enough to rewrite.
        assertTrue(summary.invalid() <= programs / 50, summary.invalid() + " invalid programs:\n" + report);
        for (Feature feature : Feature.values()) {
            assertTrue(summary.reached().get(feature) >= programs / 20,
                    "only " + summary.reached().get(feature) + " of " + programs + " programs reached " + feature
                            + ": " + summary.reached());
        }
    }
}
