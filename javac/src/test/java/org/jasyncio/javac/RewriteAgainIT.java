package org.jasyncio.javac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that also runs the Maven plugin or the agent over classes this processor rewrote:
 * both hand each class file to the same compiler, which must leave it as it is.
 */
class RewriteAgainIT {

    @TempDir
    Path work;

    @BeforeEach
    void compile() {
        List<String> arguments = new ArrayList<>(List.of("-processorpath", Jdk.processorJar().toString(),
                "-cp", Jdk.runtime().toString(), "-d", "out"));
        arguments.addAll(Sources.write(work.resolve("src"), Map.of("demo/Greeter.java", Sources.GREETER)));
        Jdk.Run compiled = Jdk.installed().get(0).javac(work, arguments);
        assertEquals(0, compiled.exitCode(), compiled::toString);
    }

    /** What the Maven plugin does with each class file, without its Maven. */
    @Test
    void theCompilerLeavesProcessedClassesAsTheyAre() throws IOException {
        AsyncCompiler compiler = new AsyncCompiler(name -> null);
        try (Stream<Path> files = Files.walk(work.resolve("out"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                byte[] processed = Files.readAllBytes(file);
                Result again = compiler.rewrite(processed);
                assertFalse(again.changed() || again.failed(), file + ": " + again.diagnostics());
                assertArrayEquals(processed, again.bytes(), file.toString());
            }
        }
    }

    @Test
    void theAgentLeavesProcessedClassesAsTheyAre() {
        Jdk.Run ran = Jdk.installed().get(0).java(work, List.of(
                "-javaagent:" + System.getProperty("jasyncio.agent.jar") + "=verbose",
                "-cp", work.resolve("out") + File.pathSeparator + Jdk.runtime(), "demo.Greeter"));
        assertEquals(0, ran.exitCode(), ran::toString);
        assertEquals(Sources.GREETER_OUTPUT, ran.output().strip(), "the agent (verbose) rewrote something");
    }
}
