package org.jasyncio.maven;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles fixture sources against the test classpath (which has the runtime) into a directory. */
final class JavaSources {

    private JavaSources() {
    }

    /**
     * @param sources source path (such as {@code demo/Greeter.java}) to its text
     * @return the directory holding the class files
     */
    static Path compile(Path workDir, Map<String, String> sources) {
        try {
            Path sourceDir = Files.createDirectories(workDir.resolve("src"));
            Path classDir = Files.createDirectories(workDir.resolve("classes"));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceDir.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                files.add(Files.writeString(file, source.getValue()));
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
                List<String> options = List.of("-g", "-d", classDir.toString(), "-cp", System.getProperty("java.class.path"));
                boolean compiled = javac.getTask(null, fileManager, diagnostics, options, null,
                        fileManager.getJavaFileObjectsFromPaths(files)).call();
                assertTrue(compiled, () -> "fixture does not compile:\n" + diagnostics.getDiagnostics());
            }
            return classDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
