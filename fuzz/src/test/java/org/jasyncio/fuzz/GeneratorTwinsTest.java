package org.jasyncio.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A fixed budget of generated async generators, each consumed to its end and closed after each prefix, against its twin. */
class GeneratorTwinsTest {

    private static final int SEEDS = 24;

    @Test
    void everyGeneratorMatchesItsSynchronousTwin() throws ReflectiveOperationException {
        for (long seed = 0; seed < SEEDS; seed++) {
            assertNull(GeneratorTwins.check(seed));
        }
    }

    /** The checker notices a twin that differs: here one that logs a step the generator does not take. */
    @Test
    void aTwinThatDiffersIsNoticed() throws ReflectiveOperationException {
        String program = GeneratorTwins.program(0);
        int twinsEnd = program.lastIndexOf("log.add(\"end\");");
        String differing = program.substring(0, twinsEnd) + "log.add(\"extra\");\n" + program.substring(twinsEnd);
        String verdict = GeneratorTwins.check("differing", differing);
        assertTrue(verdict != null && verdict.startsWith("differing, consumer taking all elements:"), verdict);
    }

    /** The fixed seeds reach every construct the generator writes, in the async form. */
    @Test
    void theSeedsReachEveryConstruct() {
        String all = LongStream.range(0, SEEDS).mapToObj(GeneratorTwins::program).collect(Collectors.joining());
        for (String construct : List.of("await(emit(", "await(sleep(0, ", "await(Task.completed(", "for (int ",
                "} else {", "} finally {", "throw new IllegalArgumentException")) {
            assertTrue(all.contains(construct), construct);
        }
    }
}
