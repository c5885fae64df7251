package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/**
 * Java 21 pattern {@code switch} and record patterns, compiled with {@code --release 21} and
 * {@code --release 25}. Needs a JDK 25 to compile and load the fixtures, so the build runs it
 * only in the execution that forks the JDK 25 beside the default one (see compiler/pom.xml).
 */
class ModernJavaTest {

    static final String SOURCE = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;

            public class Modern {
                sealed interface Shape permits Circle, Square, Rect {}
                record Circle(double r) implements Shape {}
                record Square(int side) implements Shape {}
                record Rect(int w, int h) implements Shape {}

                @Async public static Task<String> describe(Object o) {
                    String s = switch (o) {
                        case Integer i when i > await(Later.value(5)) -> "big " + i;
                        case Integer i -> "small " + await(Later.value(i));
                        case String str -> "text " + str.length() + await(Later.value("!"));
                        case Rect(int w, int h) -> "rect " + (w * await(Later.value(h)));
                        case null -> "null";
                        default -> "other";
                    };
                    return Task.completed(s);
                }

                @Async public static Task<Double> area(Shape shape) {
                    double factor = await(Later.value(1.0));
                    return Task.completed(factor * switch (shape) {
                        case Circle c -> Math.PI * c.r() * c.r();
                        case Square(int side) -> (double) side * await(Later.value(side));
                        case Rect r -> r.w() * r.h();
                    });
                }

                @Async public static Task<String> all() {
                    return Task.completed(await(describe(9)) + "|" + await(describe(2)) + "|" + await(describe("ab"))
                            + "|" + await(describe(new Rect(3, 4))) + "|" + await(describe(null)) + "|"
                            + await(describe(1.5)) + "|" + await(area(new Square(3))) + "|" + await(area(new Rect(2, 5))));
                }
            }
            """;

    @Test
    void patternSwitchAndRecordPatternsAcrossAwaits() {
        for (String release : List.of("21", "25")) {
            String name = "Modern" + release;
            Fixtures fx = Fixtures.compile(Map.of("fx." + name, SOURCE.replace("class Modern", "class " + name)), release)
                    .load();
            assertEquals(44 + Integer.parseInt(release), new ClassReader(fx.rewritten("fx/" + name)).readShort(6));
            assertEquals("big 9|small 2|text 2!|rect 12|null|other|9.0|10.0", fx.run("fx." + name, "all"),
                    "release " + release);
        }
    }
}
