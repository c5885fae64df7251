package org.jasyncio.javac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A build tool's incremental compile: one changed file recompiled alone against the class
 * files of the previous build, whose hierarchy javac then reads from those class files.
 */
class IncrementalIT {

    static final String SHAPES = """
            package lib;

            import org.jasyncio.Async;
            import org.jasyncio.Task;
            import static org.jasyncio.AsyncIO.await;
            import static org.jasyncio.AsyncIO.sleep;

            public class Shapes {
                public static class Shape { public String name() { return "shape"; } }
                public static class Square extends Shape { public String name() { return "square"; } }
                public static class Circle extends Shape { public String name() { return "circle"; } }

                @Async
                public static Task<Shape> make(boolean square) {
                    await(sleep(0));
                    return Task.completed(square ? new Square() : new Circle());
                }
            }
            """;

    static final String MAIN = """
            package app;

            import lib.Shapes;
            import org.jasyncio.Async;
            import org.jasyncio.AsyncIO;
            import org.jasyncio.Task;
            import static org.jasyncio.AsyncIO.await;

            public class Main {
                @Async
                static Task<String> describe(boolean flag) {
                    Shapes.Shape local = flag ? new Shapes.Square() : new Shapes.Circle();
                    Shapes.Shape made = await(Shapes.make(!flag));
                    return Task.completed("VERSION " + local.name() + " " + made.name());
                }

                public static void main(String[] args) {
                    System.out.println(AsyncIO.run(() -> describe(true)));
                }
            }
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jasyncio.javac.Jdk#installed")
    void recompilesOneChangedFileAgainstThePreviousClasses(Jdk jdk, @TempDir Path work) {
        List<String> full = new ArrayList<>(arguments("out" + File.pathSeparator + Jdk.runtime()));
        full.addAll(Sources.write(work.resolve("src"), Map.of("lib/Shapes.java", SHAPES,
                "app/Main.java", MAIN.replace("VERSION", "first"))));
        Jdk.Run first = jdk.javac(work, full);
        assertEquals(0, first.exitCode(), first::toString);
        assertEquals("first square circle", run(jdk, work));
        byte[] shapes = ClassFiles.bytes(work.resolve("out/lib/Shapes.class"));

        List<String> incremental = new ArrayList<>(arguments("out" + File.pathSeparator + Jdk.runtime()));
        incremental.addAll(Sources.write(work.resolve("changed"), Map.of("app/Main.java", MAIN.replace("VERSION", "second"))));
        Jdk.Run second = jdk.javac(work, incremental);

        assertEquals(0, second.exitCode(), second::toString);
        assertFalse(second.output().contains("jasyncio:"), "every class was found in javac's model: " + second);
        assertTrue(ClassFiles.isRewritten(work.resolve("out/app/Main.class")));
        assertArrayEquals(shapes, ClassFiles.bytes(work.resolve("out/lib/Shapes.class")), "the unchanged class is untouched");
        assertEquals("second square circle", run(jdk, work));
    }

    private static List<String> arguments(String classpath) {
        return List.of("-processorpath", Jdk.processorJar().toString(), "-cp", classpath, "-d", "out");
    }

    private static String run(Jdk jdk, Path work) {
        Jdk.Run ran = jdk.java(work, List.of("-cp", "out" + File.pathSeparator + Jdk.runtime(), "app.Main"));
        assertEquals(0, ran.exitCode(), ran::toString);
        return ran.output().strip();
    }
}
