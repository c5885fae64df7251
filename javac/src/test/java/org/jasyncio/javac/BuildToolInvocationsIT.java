package org.jasyncio.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The javac arguments Gradle and IntelliJ pass, and javac run in process through
 * {@code javax.tools} (as Gradle and the Maven compiler plugin run it by default). Gradle and
 * IntelliJ themselves do not run here: these are their invocations, not their builds.
 */
class BuildToolInvocationsIT {

    static final String GREETER_TEST = """
            package demo;

            import org.jasyncio.Async;
            import org.jasyncio.AsyncIO;
            import org.jasyncio.Task;
            import static org.jasyncio.AsyncIO.await;

            public class GreeterCheck {
                @Async
                static Task<String> twice() {
                    String first = await(Greeter.greet("a", false));
                    return Task.completed(first + " / " + await(Greeter.greet("b", true)));
                }

                public static void main(String[] args) {
                    System.out.println(AsyncIO.run(() -> twice()));
                }
            }
            """;

    /** Gradle's JavaCompile: {@code -processorpath} from the annotationProcessor configuration, {@code -s} for generated sources, an empty {@code -sourcepath}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jasyncio.javac.Jdk#installed")
    void gradle(Jdk jdk, @TempDir Path work) throws IOException {
        Files.createDirectories(work.resolve("build/generated/sources/annotationProcessor/java/main"));
        List<String> arguments = new ArrayList<>(List.of("-source", "17", "-target", "17",
                "-d", "build/classes/java/main", "-encoding", "UTF-8",
                "-h", "build/generated/sources/headers/java/main", "-g", "-sourcepath", "",
                "-processorpath", Jdk.processorJar().toString(),
                "-s", "build/generated/sources/annotationProcessor/java/main",
                "-XDuseUnsharedTable=true", "-classpath", Jdk.runtime().toString()));
        arguments.addAll(Sources.write(work.resolve("src/main/java"), Map.of("demo/Greeter.java", Sources.GREETER)));

        Jdk.Run compiled = jdk.javac(work, arguments);

        assertEquals(0, compiled.exitCode(), compiled::toString);
        PlainJavacIT.assertGreets(jdk, work, work.resolve("build/classes/java/main"));
    }

    /**
     * What IntelliJ's build passes for a Maven module whose compiler plugin lists the jar in
     * {@code annotationProcessorPaths}: main classes, then test classes against them.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jasyncio.javac.Jdk#installed")
    void intellijFromTheMavenModel(Jdk jdk, @TempDir Path work) throws IOException {
        Files.createDirectories(work.resolve("target/generated-sources/annotations"));
        Files.createDirectories(work.resolve("target/generated-test-sources/test-annotations"));
        List<String> main = new ArrayList<>(intellijArguments("target/generated-sources/annotations", "target/classes",
                Jdk.runtime().toString()));
        main.addAll(Sources.write(work.resolve("src/main/java"), Map.of("demo/Greeter.java", Sources.GREETER)));
        Jdk.Run compiledMain = jdk.javac(work, main);
        assertEquals(0, compiledMain.exitCode(), compiledMain::toString);

        List<String> test = new ArrayList<>(intellijArguments("target/generated-test-sources/test-annotations",
                "target/test-classes", "target/classes" + File.pathSeparator + Jdk.runtime()));
        test.addAll(Sources.write(work.resolve("src/test/java"), Map.of("demo/GreeterCheck.java", GREETER_TEST)));
        Jdk.Run compiledTest = jdk.javac(work, test);
        assertEquals(0, compiledTest.exitCode(), compiledTest::toString);

        Jdk.Run ran = jdk.java(work, List.of("-cp", "target/test-classes" + File.pathSeparator + "target/classes"
                + File.pathSeparator + Jdk.runtime(), "demo.GreeterCheck"));
        assertEquals(0, ran.exitCode(), ran::toString);
        assertEquals("hello a, circle 3 / hello b, square 3", ran.output().strip());
    }

    private static List<String> intellijArguments(String generatedSources, String classes, String classpath) {
        return List.of("-g", "-deprecation", "-encoding", "UTF-8", "-source", "17", "-target", "17", "-parameters",
                "-s", generatedSources, "-processorpath", Jdk.processorJar().toString(), "-d", classes,
                "-classpath", classes + File.pathSeparator + classpath);
    }

    /** javac in the build tool's own JVM, through {@code javax.tools}, with a standard file manager. */
    @Test
    void inProcessThroughJavaxTools(@TempDir Path work) throws Exception {
        List<String> sources = Sources.write(work.resolve("src"), Map.of("demo/Greeter.java", Sources.GREETER));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        boolean compiled;
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
             PrintWriter out = new PrintWriter(diagnostics, true, StandardCharsets.UTF_8)) {
            compiled = javac.getTask(out, files, null,
                    List.of("-processorpath", Jdk.processorJar().toString(), "-cp", Jdk.runtime().toString(),
                            "-d", work.resolve("classes").toString()),
                    null, files.getJavaFileObjectsFromStrings(sources)).call();
        }
        assertTrue(compiled, diagnostics.toString(StandardCharsets.UTF_8));
        assertTrue(ClassFiles.isRewritten(work.resolve("classes/demo/Greeter.class")));
        PlainJavacIT.assertGreets(Jdk.installed().get(0), work, work.resolve("classes"));
    }
}
