package org.jasyncio.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code javac -processorpath jasyncio-javac.jar}, and nothing else, builds a program whose awaits work. */
class PlainJavacIT {

    static Stream<Arguments> releases() {
        return Jdk.installed().stream().flatMap(jdk -> java.util.Arrays.stream(jdk.releases()).mapToObj(r -> Arguments.of(jdk, r)));
    }

    @ParameterizedTest(name = "{0}, --release {1}")
    @MethodSource("releases")
    void rewritesEachClassAsJavacWritesIt(Jdk jdk, int release, @TempDir Path work) {
        List<String> arguments = new ArrayList<>(List.of("--release", String.valueOf(release),
                "-processorpath", Jdk.processorJar().toString(), "-cp", Jdk.runtime().toString(), "-d", "out"));
        arguments.addAll(Sources.write(work.resolve("src"), Map.of("demo/Greeter.java", Sources.GREETER)));

        Jdk.Run compiled = jdk.javac(work, arguments);

        assertEquals(0, compiled.exitCode(), compiled::toString);
        assertFalse(compiled.output().contains("jasyncio:"), compiled::toString);
        Path greeter = work.resolve("out/demo/Greeter.class");
        assertEquals(44 + release, ClassFiles.majorVersion(greeter));
        assertTrue(ClassFiles.isRewritten(greeter));
        assertTrue(ClassFiles.isRewritten(work.resolve("out/demo/Greeter$Named.class")));
        assertGreets(jdk, work, work.resolve("out"));
    }

    /** Without {@code -d}, javac writes each class file beside its source; that is the one rewritten. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jasyncio.javac.Jdk#installed")
    void rewritesClassFilesBesideTheirSourcesWithoutAnOutputDirectory(Jdk jdk, @TempDir Path work) {
        List<String> arguments = new ArrayList<>(List.of("-processorpath", Jdk.processorJar().toString(),
                "-cp", Jdk.runtime().toString(), "-Ajasyncio.keepLocals=true"));
        arguments.addAll(Sources.write(work.resolve("src"), Map.of("demo/Greeter.java", Sources.GREETER)));

        Jdk.Run compiled = jdk.javac(work, arguments);

        assertEquals(0, compiled.exitCode(), compiled::toString);
        assertFalse(compiled.output().contains("warning"), "the option is known: " + compiled);
        assertTrue(ClassFiles.isRewritten(work.resolve("src/demo/Greeter.class")));
        assertGreets(jdk, work, work.resolve("src"));
    }

    /** The processor claims {@code @Async}, so javac's lint of processing finds nothing to warn about. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jasyncio.javac.Jdk#installed")
    void passesAStrictBuild(Jdk jdk, @TempDir Path work) {
        List<String> arguments = new ArrayList<>(List.of("-Xlint:all", "-Werror", "-processorpath",
                Jdk.processorJar().toString(), "-cp", Jdk.runtime().toString(), "-d", "out"));
        arguments.addAll(Sources.write(work.resolve("src"), Map.of("demo/Greeter.java", Sources.GREETER)));

        Jdk.Run compiled = jdk.javac(work, arguments);

        assertEquals(0, compiled.exitCode(), compiled::toString);
        assertGreets(jdk, work, work.resolve("out"));
    }

    /** A named module, compiled in javac's multi-module mode: its classes go under {@code out/app/}, beside its module-info. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jasyncio.javac.Jdk#installed")
    void rewritesTheClassesOfAModule(Jdk jdk, @TempDir Path work) {
        String runtimeModule = ModuleFinder.of(Jdk.runtime()).findAll().iterator().next().descriptor().name();
        List<String> arguments = new ArrayList<>(List.of("-processorpath", Jdk.processorJar().toString(),
                "--module-path", Jdk.runtime().toString(), "--module-source-path", "src", "-d", "out"));
        arguments.addAll(Sources.write(work.resolve("src"), Map.of(
                "app/module-info.java", "module app { requires " + runtimeModule + "; }",
                "app/demo/Greeter.java", Sources.GREETER)));

        Jdk.Run compiled = jdk.javac(work, arguments);

        assertEquals(0, compiled.exitCode(), compiled::toString);
        assertTrue(ClassFiles.isRewritten(work.resolve("out/app/demo/Greeter.class")));
        Jdk.Run ran = jdk.java(work, List.of("--module-path", "out" + File.pathSeparator + Jdk.runtime(), "-m", "app/demo.Greeter"));
        assertEquals(0, ran.exitCode(), ran::toString);
        assertEquals(Sources.GREETER_OUTPUT, ran.output().strip());
    }

    static void assertGreets(Jdk jdk, Path work, Path classes) {
        Jdk.Run ran = jdk.java(work, List.of("-cp", classes + File.pathSeparator + Jdk.runtime(), "demo.Greeter"));
        assertEquals(0, ran.exitCode(), ran::toString);
        assertEquals(Sources.GREETER_OUTPUT, ran.output().strip());
    }
}
