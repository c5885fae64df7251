package org.jasyncio.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A refusal is a javac error at the file and line of the offending {@code await}, in the compiler's words. */
class RefusalsIT {

    static final String BAD = """
            package bad;

            import org.jasyncio.Async;
            import org.jasyncio.Future;
            import org.jasyncio.Task;
            import static org.jasyncio.AsyncIO.await;

            public class Bad {
                static String notAsync(Future<String> f) {
                    String s = "before";
                    return await(f);
                }

                @Async
                static Task<String> locked(Future<String> f) {
                    synchronized (Bad.class) {
                        String s = await(f);
                    }
                    return Task.completed("x");
                }

                @Async
                static String notTask() {
                    return "x";
                }

                void inLambda(Future<String> f) {
                    Runnable r = () -> {
                        await(f);
                    };
                }
            }
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jasyncio.javac.Jdk#installed")
    void refusalsAreJavacErrorsAtTheirLines(Jdk jdk, @TempDir Path work) {
        List<String> arguments = new ArrayList<>(List.of("-processorpath", Jdk.processorJar().toString(),
                "-cp", Jdk.runtime().toString(), "-d", "out"));
        arguments.addAll(Sources.write(work.resolve("src"), Map.of("bad/Bad.java", BAD)));

        Jdk.Run compiled = jdk.javac(work, arguments);

        assertEquals(1, compiled.exitCode(), compiled::toString);
        assertError(compiled, "return await(f);", "bad.Bad.notAsync: await in a method that is not @Async: annotate the "
                + "method with @org.jasyncio.Async and make it return org.jasyncio.Task");
        assertError(compiled, "String s = await(f);", "bad.Bad.locked: await inside a synchronized block; a monitor "
                + "cannot be held across a suspension");
        assertError(compiled, "static String notTask()", "bad.Bad.notTask: @Async method returns java.lang.String; an "
                + "@Async method must return org.jasyncio.Task");
        assertError(compiled, "        await(f);", "await inside a lambda body; a lambda cannot be @Async");
        assertTrue(compiled.output().contains("4 errors"), compiled::toString);
        assertFalse(Files.exists(work.resolve("out/bad/Bad.class")),
                "a refused class leaves no class file, as a class with a javac error leaves none");
    }

    private static void assertError(Jdk.Run compiled, String lineText, String words) {
        String expected = "Bad.java:" + Sources.lineOf(BAD, lineText) + ": error: jasyncio: ";
        assertTrue(compiled.output().lines().anyMatch(l -> l.contains(expected) && l.contains(words)),
                "expected " + expected + words + " in\n" + compiled);
    }
}
