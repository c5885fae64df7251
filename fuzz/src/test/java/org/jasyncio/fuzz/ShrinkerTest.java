package org.jasyncio.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.jasyncio.testing.InMemoryJavac;
import org.junit.jupiter.api.Test;

/**
 * The shrinker and the regression format on the generator's newer shapes: a program with
 * instance methods and the generic class {@code H<T>} shrinks to a small one that still
 * compiles, and replays through {@link Regression} as a file written by a campaign would.
 */
class ShrinkerTest {

    /** Something a program keeps while it shrinks: an awaited call on a new {@code H<...>} from a static method holding {@code self}. */
    private static final Predicate<String> SHAPE = source -> source.contains("await(new H<") && source.contains(" self = new ");

    private static final long SEED = LongStream.iterate(1, s -> s + 1)
            .filter(s -> SHAPE.test(render(Generator.program("P0", s)))).findFirst().orElseThrow();

    @Test
    void aProgramWithInstanceAndGenericMethodsShrinksToOneThatStillCompiles() {
        Node program = Generator.program("P0", SEED);
        int before = program.size();
        Predicate<Node> keepsShapeAndCompiles = tree -> {
            String source = render(tree);
            if (!SHAPE.test(source)) {
                return false;
            }
            try {
                ProgramJavac.compileUnit(source);
                return true;
            } catch (InMemoryJavac.CompileException invalid) {
                return false;
            }
        };
        Shrinker.shrink(program, keepsShapeAndCompiles, 300);
        assertTrue(keepsShapeAndCompiles.test(program), render(program));
        assertTrue(program.size() < before / 2, before + " nodes shrunk to " + program.size() + ":\n" + render(program));
    }

    @Test
    void aProgramWithTheGenericClassReplaysAsARegression() {
        String file = Regression.PLAN_SEED + "3\n" + render(Generator.program("P0", SEED));
        assertEquals(List.of(), Regression.failures(file));
    }

    private static String render(Node program) {
        return Unit.render(List.of(new Unit.Program("P0", program)), "");
    }
}
