package org.jasyncio.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;

/**
 * A build tool that hands processors its own wrapper of javac's environment (as Gradle does for
 * incremental processors) hides javac's task: the processor says so instead of leaving the
 * classes silently unrewritten.
 */
class WrappedEnvironmentTest {

    /** Starts the processor under test with a proxy of javac's environment, as a wrapping tool would. */
    static final class WrappingTool extends AbstractProcessor {

        @Override
        public synchronized void init(ProcessingEnvironment javacs) {
            super.init(javacs);
            ProcessingEnvironment wrapped = (ProcessingEnvironment) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {ProcessingEnvironment.class},
                    (proxy, method, arguments) -> method.invoke(javacs, arguments));
            new AsyncProcessor().init(wrapped);
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return false;
        }
    }

    @Test
    void aWrappedEnvironmentIsReportedAsAWarning() {
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///p/A.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return "package p; class A {}";
            }
        };
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaCompiler.CompilationTask task = javac.getTask(null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8),
                diagnostics, List.of("-proc:only"), null, List.of(source));
        task.setProcessors(List.of(new WrappingTool()));

        assertTrue(task.call());

        List<Diagnostic<? extends JavaFileObject>> reported = diagnostics.getDiagnostics();
        assertEquals(1, reported.size(), reported::toString);
        assertEquals(Diagnostic.Kind.MANDATORY_WARNING, reported.get(0).getKind());
        assertTrue(reported.get(0).getMessage(null).startsWith("jasyncio: this build runs annotation processors in an "
                + "environment that is not javac's own"), reported.get(0).getMessage(null));
    }
}
