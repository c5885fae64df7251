package org.jasyncio.javac;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another processor generating {@code @Async} code in a later round (into {@code -s}, as
 * Gradle and Maven configure it): the generated class is rewritten as javac writes it too.
 */
class GeneratedSourcesTest {

    static final String USER = """
            package app;

            import org.jasyncio.Async;
            import org.jasyncio.Task;
            import static org.jasyncio.AsyncIO.await;

            public class User {
                @Async
                static Task<String> useGenerated() {
                    return Task.completed(await(gen.Generated.value()) + "!");
                }
            }
            """;

    static final String GENERATED = """
            package gen;

            import org.jasyncio.Async;
            import org.jasyncio.Task;
            import static org.jasyncio.AsyncIO.await;
            import static org.jasyncio.AsyncIO.sleep;

            public class Generated {
                @Async
                public static Task<String> value() {
                    await(sleep(0));
                    return Task.completed("generated");
                }
            }
            """;

    /** Writes {@link #GENERATED} in its first round. */
    static final class Generator extends AbstractProcessor {

        private boolean done;

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try (Writer out = processingEnv.getFiler().createSourceFile("gen.Generated").openWriter()) {
                    out.write(GENERATED);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }
    }

    @Test
    void aClassGeneratedInALaterRoundIsRewritten(@TempDir Path work) throws IOException {
        List<String> sources = Sources.write(work.resolve("src"), Map.of("app/User.java", USER));
        Path generated = work.resolve("generated");
        Path classes = work.resolve("classes");
        java.nio.file.Files.createDirectories(generated);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("-cp", Jdk.runtime().toString(), "-d", classes.toString(), "-s", generated.toString()),
                    null, files.getJavaFileObjectsFromStrings(sources));
            task.setProcessors(List.of(new Generator(), new AsyncProcessor()));
            assertTrue(task.call(), diagnostics.getDiagnostics().toString());
        }
        assertTrue(ClassFiles.isRewritten(classes.resolve("gen/Generated.class")));
        assertTrue(ClassFiles.isRewritten(classes.resolve("app/User.class")));
    }
}
