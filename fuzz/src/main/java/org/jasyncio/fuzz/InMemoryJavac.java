package org.jasyncio.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.Log;

/** Compiles one source file in memory against the runtime and the programs' support classes. */
final class InMemoryJavac {

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    private static final String CLASSPATH = location(Task.class) + File.pathSeparator + location(Log.class);

    private InMemoryJavac() {
    }

    /** Thrown when javac rejects a source: a generator bug, or a shrinking step that broke the program. */
    static final class CompileException extends RuntimeException {
        CompileException(String message) {
            super(message);
        }
    }

    /** Class files by internal name. */
    static Map<String, byte[]> compile(String fileName, String source) {
        DiagnosticCollector<JavaFileObject> errors = new DiagnosticCollector<>();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        StandardJavaFileManager standard = JAVAC.getStandardFileManager(errors, null, null);
        JavaFileManager memory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return new ByteArrayOutputStream() {
                            @Override
                            public void close() {
                                classes.put(name.replace('.', '/'), toByteArray());
                            }
                        };
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///fz/" + fileName),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = List.of("-g", "-nowarn", "-proc:none", "-Xlint:none", "-classpath", CLASSPATH);
        boolean ok = JAVAC.getTask(null, memory, errors, options, null, List.of(unit)).call();
        if (!ok) {
            throw new CompileException(errors.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                    .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(null))
                    .collect(Collectors.joining("\n")));
        }
        return classes;
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + type, e);
        }
    }
}
