package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jasyncio.AsyncIO;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Classes absent when the compiler runs (a {@code provided} dependency) but present when the
 * code runs: the compiler warns, and the frames it computes at a merge of two such types use
 * the type javac declared there, not {@code Object}, so the rewritten class verifies and runs.
 */
class MissingSupertypesTest {

    private static final String TYPES = """
            package fx;
            public class Base { public String baseMethod() { return "base:" + getClass().getSimpleName(); } }
            """;
    private static final String SUBS = """
            package fx;
            public class SubA extends Base { }
            """;
    private static final String SUB_B = """
            package fx;
            public class SubB extends Mid { }
            """;
    private static final String MID = """
            package fx;
            public class Mid extends Base { }
            """;
    private static final String SHAPES = """
            package fx;
            public interface Shape { int area(); }
            """;
    private static final String CIRCLE = """
            package fx;
            public class Circle implements Shape { public int area() { return 3; } }
            """;
    private static final String SQUARE = """
            package fx;
            public class Square implements Shape { public int area() { return 4; } }
            """;
    private static final String USER = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.await;
            public class User {
                @Async public static Task<String> pick(boolean flag) {
                    Base x = flag ? new SubA() : new SubB();
                    await(Later.value(1));
                    String first = x.baseMethod();
                    Base y = x;
                    for (int i = 0; i < 2; i++) {
                        y = i == 0 ? new SubB() : (Base) new SubA();
                        await(Later.value(i));
                    }
                    return Task.completed(first + "," + y.baseMethod());
                }
                @Async public static Task<Integer> area(boolean flag) {
                    Shape s = flag ? new Circle() : new Square();
                    await(Later.value(1));
                    return Task.completed(s.area());
                }
            }
            """;

    private static final Map<String, String> SOURCES = Map.of("fx.Base", TYPES, "fx.SubA", SUBS, "fx.SubB", SUB_B,
            "fx.Mid", MID, "fx.Shape", SHAPES, "fx.Circle", CIRCLE, "fx.Square", SQUARE, "fx.User", USER);

    @Test
    void theWholeProvidedDependencyMissing() {
        assertRewritesAndRuns(Set.of("fx/Base", "fx/SubA", "fx/SubB", "fx/Mid", "fx/Shape", "fx/Circle", "fx/Square"));
    }

    @Test
    void onlyTheCommonSuperclassMissing() {
        assertRewritesAndRuns(Set.of("fx/Base", "fx/Shape"));
    }

    @Test
    void anIntermediateClassMissing() {
        assertRewritesAndRuns(Set.of("fx/Mid"));
    }

    private static void assertRewritesAndRuns(Set<String> missing) {
        Fixtures compiled = Fixtures.compile(SOURCES, null);
        AsyncCompiler compiler = new AsyncCompiler(name -> missing.contains(name) ? null : compiled.classBytes(name));
        Result result = compiler.rewrite(compiled.original("fx/User"));
        assertEquals(List.of(), result.diagnostics().stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).toList());
        assertEquals(2, result.rewrittenMethods());
        List<String> warnings = result.diagnostics().stream().map(Diagnostic::message).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("is not on the classpath")), warnings.toString());

        ClassLoader loader = new ClassLoader("missing", MissingSupertypesTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                String internal = name.replace('.', '/');
                byte[] bytes = internal.equals("fx/User") ? result.bytes() : compiled.original(internal);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(result.bytes()), loader, false, new PrintWriter(problems));
        assertEquals("", problems.toString());
        assertEquals("base:SubA,base:SubA", run(loader, "pick", true));
        assertEquals("base:SubB,base:SubA", run(loader, "pick", false));
        assertEquals(Integer.valueOf(3), run(loader, "area", true));
        assertEquals(Integer.valueOf(4), run(loader, "area", false));
    }

    @SuppressWarnings("unchecked")
    private static <T> T run(ClassLoader loader, String method, boolean flag) {
        Supplier<Task<T>> body = () -> {
            try {
                return (Task<T>) Class.forName("fx.User", true, loader).getMethod(method, boolean.class)
                        .invoke(null, flag);
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new AssertionError(e);
            }
        };
        return AsyncIO.run(body);
    }
}
