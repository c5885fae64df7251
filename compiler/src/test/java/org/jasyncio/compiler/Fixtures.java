package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jasyncio.AsyncIO;
import org.jasyncio.Task;
import org.jasyncio.testing.InMemoryJavac;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Compiles Java sources in-process, rewrites them with the compiler, checks them with ASM's
 * CheckClassAdapter, and loads them in a fresh class loader (which runs the JVM verifier).
 */
final class Fixtures {

    private final Map<String, byte[]> compiled;
    private final Map<String, byte[]> rewritten = new LinkedHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private ClassLoader loader;

    private Fixtures(Map<String, byte[]> compiled) {
        this.compiled = compiled;
    }

    /**
     * Helpers every fixture may use: futures that complete on a later loop iteration (awaiting
     * them really suspends) or are already done (awaiting them never suspends).
     */
    static final String LATER = """
            package fx;
            import org.jasyncio.*;
            public final class Later {
                public static <T> Future<T> value(T value) {
                    Future<T> f = new Future<>();
                    AsyncIO.getRunningLoop().callSoon(() -> f.setResult(value));
                    return f;
                }
                public static <T> Future<T> failure(Throwable error) {
                    Future<T> f = new Future<>();
                    AsyncIO.getRunningLoop().callSoon(() -> f.setException(error));
                    return f;
                }
                public static <T> Future<T> done(T value) {
                    Future<T> f = new Future<>();
                    f.setResult(value);
                    return f;
                }
                public static <T> Future<T> doneFailure(Throwable error) {
                    Future<T> f = new Future<>();
                    f.setException(error);
                    return f;
                }
            }
            """;

    /** Compiles one source file of package {@code fx}, with the {@link #LATER} helpers, at javac's default release. */
    static Fixtures compile(String className, String source) {
        return compile(Map.of("fx." + className, source), null);
    }

    /**
     * Compiles sources by binary name ({@code fx.Name}), with the {@link #LATER} helpers, at
     * {@code release} or, where it is {@code null}, at javac's default.
     */
    static Fixtures compile(Map<String, String> sources, String release) {
        Map<String, String> byPath = new LinkedHashMap<>();
        sources.forEach((name, text) -> byPath.put(name.replace('.', '/') + ".java", text));
        byPath.put("fx/Later.java", LATER);
        List<String> options = new ArrayList<>(List.of("-g", "-classpath", System.getProperty("java.class.path")));
        if (release != null) {
            options.addAll(List.of("--release", release));
        }
        try {
            return new Fixtures(InMemoryJavac.compile(byPath, options));
        } catch (InMemoryJavac.CompileException e) {
            throw new AssertionError("fixture does not compile:\n" + e.getMessage(), e);
        }
    }

    /** Rewrites every compiled class; keeps the diagnostics. */
    Fixtures rewrite() {
        return rewrite(CompilerOptions.DEFAULT);
    }

    /** Rewrites every compiled class with {@code options}; keeps the diagnostics. */
    Fixtures rewrite(CompilerOptions options) {
        AsyncCompiler compiler = new AsyncCompiler(this::classBytes, options);
        for (Map.Entry<String, byte[]> entry : compiled.entrySet()) {
            Result result = compiler.rewrite(entry.getValue());
            diagnostics.addAll(result.diagnostics());
            rewritten.put(entry.getKey(), result.bytes());
        }
        return this;
    }

    /** Rewrites, requires no diagnostics, checks every class with CheckClassAdapter, and loads them. */
    Fixtures load() {
        return load(CompilerOptions.DEFAULT);
    }

    /** As {@link #load()}, rewriting with {@code options}. */
    Fixtures load(CompilerOptions options) {
        rewrite(options);
        assertEquals(List.of(), errors(), "compiler diagnostics");
        return checkAndLoad();
    }

    /** As {@link #load}, refusals allowed: a refused method stays, its awaits throwing the refusal. */
    Fixtures loadWithRefusals() {
        rewrite();
        return checkAndLoad();
    }

    private Fixtures checkAndLoad() {
        ClassLoader parent = Fixtures.class.getClassLoader();
        loader = new ClassLoader("fixtures", parent) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = rewritten.get(name.replace('.', '/'));
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        for (Map.Entry<String, byte[]> entry : rewritten.entrySet()) {
            StringWriter problems = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(entry.getValue()), loader, false, new PrintWriter(problems));
            assertTrue(problems.toString().isEmpty(), entry.getKey() + " fails CheckClassAdapter:\n" + problems);
        }
        for (String name : rewritten.keySet()) {
            try {
                Class.forName(name.replace('/', '.'), true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AssertionError("JVM refuses " + name + ": " + e, e);
            }
        }
        return this;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).toList();
    }

    /** Writes the class files, rewritten if {@link #rewrite} ran, else as javac wrote them, under {@code dir}. */
    void writeTo(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> entry : (rewritten.isEmpty() ? compiled : rewritten).entrySet()) {
            Path file = dir.resolve(entry.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
    }

    byte[] original(String internalName) {
        return compiled.get(internalName);
    }

    byte[] rewritten(String internalName) {
        return rewritten.get(internalName);
    }

    Class<?> type(String binaryName) {
        try {
            return Class.forName(binaryName, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** The value of a static field of a fixture class, such as the side-effect log a fixture keeps. */
    @SuppressWarnings("unchecked")
    <T> T staticField(String className, String field) {
        try {
            return (T) type(className).getField(field).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls a static method of a fixture class, unwrapping the reflective wrapper of what it throws. */
    Object call(String className, String method, Object... args) {
        for (Method candidate : type(className).getDeclaredMethods()) {
            if (candidate.getName().equals(method) && candidate.getParameterCount() == args.length) {
                candidate.setAccessible(true);
                try {
                    return candidate.invoke(null, args);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                } catch (InvocationTargetException e) {
                    throw sneaky(e.getCause());
                }
            }
        }
        throw new AssertionError("no method " + method + " with " + args.length + " arguments in " + className);
    }

    /** Runs a static {@code @Async} method of a fixture to completion on a new loop and returns its result. */
    @SuppressWarnings("unchecked")
    <T> T run(String className, String method, Object... args) {
        Supplier<Task<T>> body = () -> (Task<T>) call(className, method, args);
        return AsyncIO.run(body);
    }

    /** The class file of {@code internalName}: a fixture's as javac wrote it, else the test classpath's, else {@code null}. */
    byte[] classBytes(String internalName) {
        byte[] own = compiled.get(internalName);
        if (own != null) {
            return own;
        }
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
