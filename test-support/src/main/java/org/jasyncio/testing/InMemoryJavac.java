package org.jasyncio.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles Java sources with the running JDK's javac, sources and class files in memory. */
public final class InMemoryJavac {

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    private InMemoryJavac() {
    }

    /** Thrown when javac rejects the sources; the message lists each error as {@code path:line: message}. */
    public static final class CompileException extends RuntimeException {
        CompileException(String message) {
            super(message);
        }
    }

    /**
     * @param sources source path (such as {@code demo/Greeter.java}) to its text; the path names
     *                the class file's {@code SourceFile}, so the line numbers tests expect stay put
     * @param options javac's options, such as {@code -g} and {@code -classpath}
     * @return the class files by internal name ({@code demo/Greeter}), in the order javac wrote them
     * @throws CompileException if javac reports an error
     */
    public static Map<String, byte[]> compile(Map<String, String> sources, List<String> options) {
        return compile(sources, options, newFileManager());
    }

    /**
     * A file manager for {@link #compile(Map, List, StandardJavaFileManager)}: one thread may reuse
     * it for many compilations, which then open the class path's jars once (javac's file managers
     * are not thread-safe).
     */
    public static StandardJavaFileManager newFileManager() {
        return JAVAC.getStandardFileManager(null, null, null);
    }

    /**
     * As {@link #compile(Map, List)}, reading the class path through {@code standard}.
     *
     * @param standard from {@link #newFileManager()}, used by one thread at a time
     */
    public static Map<String, byte[]> compile(Map<String, String> sources, List<String> options,
                                              StandardJavaFileManager standard) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        JavaFileManager memory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                String internalName = name.replace('.', '/');
                return new SimpleJavaFileObject(URI.create("mem:///" + internalName + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return new ByteArrayOutputStream() {
                            @Override
                            public void close() {
                                classes.put(internalName, toByteArray());
                            }
                        };
                    }
                };
            }
        };
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((path, text) -> units.add(
                new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return text;
                    }
                }));
        if (!JAVAC.getTask(null, memory, diagnostics, options, null, units).call()) {
            throw new CompileException(diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getSource().getName().substring(1) + ":" + d.getLineNumber() + ": " + d.getMessage(null))
                    .collect(Collectors.joining("\n")));
        }
        return classes;
    }
}
