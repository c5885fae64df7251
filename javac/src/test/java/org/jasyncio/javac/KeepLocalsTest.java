package org.jasyncio.javac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -Ajasyncio.keepLocals=true} reaches the compiler: a local the code no longer reads after its await is kept. */
class KeepLocalsTest {

    static final String KEPT = """
            package app;

            import org.jasyncio.Async;
            import org.jasyncio.AsyncIO;
            import org.jasyncio.Task;

            public class Kept {
                @Async
                static Task<Void> work() {
                    int before = 41;
                    AsyncIO.await(AsyncIO.sleep(0.001));
                    return Task.completed();
                }
            }
            """;

    @Test
    void theOptionKeepsWhatTheDefaultDoesNot(@TempDir Path work) throws IOException {
        byte[] byDefault = compile(work.resolve("default"));
        byte[] kept = compile(work.resolve("kept"), "-Ajasyncio.keepLocals=true");
        assertFalse(Arrays.equals(byDefault, kept), "keepLocals changes the rewritten class");
        assertArrayEquals(kept, compile(work.resolve("bare"), "-Ajasyncio.keepLocals"), "the bare option means true");
        assertArrayEquals(byDefault, compile(work.resolve("false"), "-Ajasyncio.keepLocals=false"));
    }

    /** Compiles {@link #KEPT} with the processor and {@code options}; returns the rewritten class file. */
    private static byte[] compile(Path work, String... options) throws IOException {
        List<String> sources = Sources.write(work.resolve("src"), Map.of("app/Kept.java", KEPT));
        Path classes = work.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> arguments = new ArrayList<>(List.of("-g", "-cp", Jdk.runtime().toString(), "-d", classes.toString()));
        arguments.addAll(List.of(options));
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, arguments, null,
                    files.getJavaFileObjectsFromStrings(sources));
            task.setProcessors(List.of(new AsyncProcessor()));
            assertTrue(task.call(), diagnostics.getDiagnostics().toString());
        }
        Path kept = classes.resolve("app/Kept.class");
        assertTrue(ClassFiles.isRewritten(kept));
        return ClassFiles.bytes(kept);
    }
}
