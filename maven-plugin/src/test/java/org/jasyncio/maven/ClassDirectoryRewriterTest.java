package org.jasyncio.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.testing.DemoSources;
import org.jasyncio.testing.JavaSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDirectoryRewriterTest {

    @TempDir
    Path work;
    Path classes;
    ClasspathClassBytes classBytes;

    @BeforeEach
    void compileFixtures() {
        classes = JavaSources.compile(work, DemoSources.all());
        List<Path> classpath = new ArrayList<>(List.of(classes));
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).forEach(classpath::add);
        classBytes = new ClasspathClassBytes(classpath);
    }

    private RewriteReport rewrite(List<String> includes, List<String> excludes) throws Exception {
        return new ClassDirectoryRewriter(new AsyncCompiler(classBytes), new ClassFileSelection(includes, excludes)).rewrite(classes);
    }

    @Test
    void rewritesAsyncMethodsInPlaceAndTheyRun() throws Exception {
        byte[] plain = Files.readAllBytes(classes.resolve("demo/Plain.class"));
        byte[] greeter = Files.readAllBytes(classes.resolve("demo/Greeter.class"));

        RewriteReport report = rewrite(null, List.of("**/Refused.class"));

        assertEquals(List.of(new RewriteReport.RewrittenClass("demo.Greeter", 1)), report.rewritten());
        assertEquals(1, report.rewrittenMethods());
        assertEquals(List.of(), report.diagnostics());
        assertArrayEquals(plain, Files.readAllBytes(classes.resolve("demo/Plain.class")));
        assertFalse(java.util.Arrays.equals(greeter, Files.readAllBytes(classes.resolve("demo/Greeter.class"))));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            assertEquals("hello maven", loader.loadClass("demo.Greeter").getMethod("run", String.class).invoke(null, "maven"));
        }
    }

    @Test
    void aSecondRunWritesNothing() throws Exception {
        rewrite(null, null);
        Path greeter = classes.resolve("demo/Greeter.class");
        byte[] once = Files.readAllBytes(greeter);
        FileTime longAgo = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(greeter, longAgo);

        RewriteReport again = rewrite(null, null);

        assertEquals(List.of(), again.rewritten());
        assertArrayEquals(once, Files.readAllBytes(greeter));
        assertEquals(longAgo, Files.getLastModifiedTime(greeter));
    }

    @Test
    void reportsEveryRefusalAndLeavesTheRefusedClassAsItWas() throws Exception {
        byte[] refused = Files.readAllBytes(classes.resolve("demo/Refused.class"));

        RewriteReport report = rewrite(null, null);

        List<String> errors = report.errors().stream().map(Diagnostic::toString).toList();
        assertEquals(3, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith("Refused.java:10: demo.Refused.notAsync: "), errors::toString);
        assertTrue(errors.get(1).startsWith("Refused.java:16: demo.Refused.locked: "), errors::toString);
        assertTrue(errors.get(2).contains(": demo.Refused.notTask: "), errors::toString);
        assertArrayEquals(refused, Files.readAllBytes(classes.resolve("demo/Refused.class")));
        assertEquals(List.of(new RewriteReport.RewrittenClass("demo.Greeter", 1)), report.rewritten());
    }

    @Test
    void aTruncatedOrCorruptClassFileIsReportedAndLeftAsItWasWhileTheRestIsRewritten() throws Exception {
        byte[] greeter = Files.readAllBytes(classes.resolve("demo/Greeter.class"));
        byte[] truncated = java.util.Arrays.copyOf(greeter, greeter.length / 2);
        byte[] garbage = "not a class file at all".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(classes.resolve("demo/Truncated.class"), truncated);
        Files.write(classes.resolve("demo/Garbage.class"), garbage);

        RewriteReport report = rewrite(null, List.of("**/Refused.class"));

        List<String> errors = report.errors().stream().map(Diagnostic::toString).toList();
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.contains("demo.Truncated") && e.contains("not a readable class file")),
                "a class file the compiler cannot read is named by its path: " + errors);
        assertTrue(errors.stream().anyMatch(e -> e.contains("demo.Garbage") && e.contains("not a class file")),
                errors::toString);
        assertArrayEquals(truncated, Files.readAllBytes(classes.resolve("demo/Truncated.class")));
        assertArrayEquals(garbage, Files.readAllBytes(classes.resolve("demo/Garbage.class")));
        assertEquals(List.of(new RewriteReport.RewrittenClass("demo.Greeter", 1)), report.rewritten());
    }

    @Test
    void includesLimitWhatIsRead() throws Exception {
        RewriteReport report = rewrite(List.of("demo/Plain.class"), null);
        assertEquals(List.of(), report.rewritten());
        assertEquals(List.of(), report.diagnostics());
    }
}
