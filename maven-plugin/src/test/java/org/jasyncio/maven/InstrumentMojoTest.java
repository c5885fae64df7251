package org.jasyncio.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.CompilerOptions;
import org.jasyncio.testing.DemoSources;
import org.jasyncio.testing.JavaSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentMojoTest {

    @TempDir
    Path work;
    Path classes;
    final RecordingLog log = new RecordingLog();

    @BeforeEach
    void compileFixtures() {
        classes = JavaSources.compile(work, DemoSources.all());
    }

    /** The goal as Maven configures it, with the test classpath (which has the runtime) as the project's. */
    private InstrumentMojo mojo(Path outputDirectory) {
        InstrumentMojo mojo = new InstrumentMojo() {
            @Override
            List<String> classpath() {
                List<String> classpath = new ArrayList<>(List.of(outputDirectory.toString()));
                classpath.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
                return classpath;
            }
        };
        mojo.project = new MavenProject();
        mojo.project.getBuild().setOutputDirectory(outputDirectory.toString());
        mojo.failOnError = true;
        mojo.setLog(log);
        return mojo;
    }

    @Test
    void logsOneLineWithTheTotals() throws Exception {
        InstrumentMojo mojo = mojo(classes);
        mojo.excludes = List.of("**/Refused.class");
        mojo.execute();
        assertEquals(List.of("[INFO] jasyncio: rewrote 1 methods in 1 classes"), log.lines);
    }

    @Test
    void verboseAlsoLogsEachClass() throws Exception {
        InstrumentMojo mojo = mojo(classes);
        mojo.excludes = List.of("**/Refused.class");
        mojo.verbose = true;
        mojo.execute();
        assertEquals(List.of("[INFO] jasyncio: rewrote 1 methods in demo.Greeter", "[INFO] jasyncio: rewrote 1 methods in 1 classes"),
                log.lines);
    }

    @Test
    void keepLocalsReachesTheCompiler() throws Exception {
        Path kept = JavaSources.compile(work.resolve("kept"), Map.of("demo/Kept.java", DemoSources.KEPT));
        Path file = kept.resolve("demo/Kept.class");
        byte[] original = Files.readAllBytes(file);
        InstrumentMojo mojo = mojo(kept);
        byte[] withKeepLocals;
        try (ClasspathClassBytes classBytes = new ClasspathClassBytes(mojo.classpath().stream().map(Path::of).toList())) {
            withKeepLocals = new AsyncCompiler(classBytes, new CompilerOptions(true)).rewrite(original).bytes();
            assertFalse(Arrays.equals(new AsyncCompiler(classBytes).rewrite(original).bytes(), withKeepLocals));
        }
        mojo.keepLocals = true;
        mojo.execute();
        assertArrayEquals(withKeepLocals, Files.readAllBytes(file));
    }

    @Test
    void failsTheBuildListingEveryRefusal() {
        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> mojo(classes).execute());
        List<String> errors = log.withLevel("ERROR");
        assertEquals(3, errors.size(), log.lines::toString);
        assertTrue(failure.getMessage().startsWith("jasyncio refused 3 methods:"), failure.getMessage());
        for (String error : errors) {
            assertTrue(failure.getMessage().contains(System.lineSeparator() + "  " + error), failure::getMessage);
        }
        assertTrue(errors.get(0).startsWith("Refused.java:10: demo.Refused.notAsync: "), errors::toString);
        assertTrue(log.lines.contains("[INFO] jasyncio: rewrote 1 methods in 1 classes"), log.lines::toString);
    }

    @Test
    void withoutFailOnErrorTheRefusalsAreLoggedAndTheBuildGoesOn() throws Exception {
        InstrumentMojo mojo = mojo(classes);
        mojo.failOnError = false;
        mojo.execute();
        assertEquals(3, log.withLevel("ERROR").size(), log.lines::toString);
    }

    @Test
    void skipTouchesNothing() throws Exception {
        byte[] greeter = Files.readAllBytes(classes.resolve("demo/Greeter.class"));
        InstrumentMojo mojo = mojo(classes);
        mojo.skip = true;
        mojo.execute();
        assertEquals(List.of("[INFO] jasyncio: skipped"), log.lines);
        assertArrayEquals(greeter, Files.readAllBytes(classes.resolve("demo/Greeter.class")));
    }

    @Test
    void aProjectWithoutClassesIsFine() throws Exception {
        Path absent = work.resolve("no-classes");
        mojo(absent).execute();
        assertEquals(List.of("[INFO] jasyncio: no classes in " + absent), log.lines);
    }

    @Test
    void theFailureMessageSaysMethodForOne() {
        assertEquals("jasyncio refused 1 method:" + System.lineSeparator() + "  A.java:3: a.A.m: no",
                AbstractInstrumentMojo.failureMessage(List.of(error("a.A", "m", 3))));
    }

    @Test
    void theFailureMessageCountsEachRefusedMethodOnceAndClassesAsClasses() {
        String message = AbstractInstrumentMojo.failureMessage(List.of(error("a.A", "m", 3), error("a.A", "m", 4),
                error("a.A", "n", 7), error("a.B", null, 0)));
        assertTrue(message.startsWith("jasyncio refused 2 methods and 1 class:"), message);
        assertTrue(AbstractInstrumentMojo.failureMessage(List.of(error("a.B", null, 0)))
                .startsWith("jasyncio refused 1 class:"));
    }

    private static org.jasyncio.compiler.Diagnostic error(String className, String method, int line) {
        return new org.jasyncio.compiler.Diagnostic(org.jasyncio.compiler.Diagnostic.Kind.ERROR, className, method,
                "A.java", line, "no");
    }
}
