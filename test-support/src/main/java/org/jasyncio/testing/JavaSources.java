package org.jasyncio.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Compiles fixture sources against the test classpath into a class directory, as a build would leave them. */
public final class JavaSources {

    private JavaSources() {
    }

    /**
     * @param sources source path (such as {@code demo/Greeter.java}) to its text
     * @return the directory {@code workDir/classes}, holding the class files
     * @throws InMemoryJavac.CompileException if a source does not compile
     */
    public static Path compile(Path workDir, Map<String, String> sources) {
        Map<String, byte[]> classes = InMemoryJavac.compile(sources,
                List.of("-g", "-classpath", System.getProperty("java.class.path")));
        try {
            Path classDir = Files.createDirectories(workDir.resolve("classes"));
            for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
                Path file = classDir.resolve(entry.getKey() + ".class");
                Files.createDirectories(file.getParent());
                Files.write(file, entry.getValue());
            }
            return classDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
