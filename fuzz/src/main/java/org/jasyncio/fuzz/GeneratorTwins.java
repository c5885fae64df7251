package org.jasyncio.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.jasyncio.AsyncIO;
import org.jasyncio.Task;
import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.Result;

/**
 * Async generators against synchronous twins (docs/iteration.md): from a seed, a body of loops,
 * branches, awaits of done and pending futures, {@code try}/{@code finally}, throws and
 * {@code emit}s, written twice: as an {@code @Async} method returning {@code AsyncIterator},
 * rewritten by the compiler and consumed on a loop, and as a plain method whose {@code emit} is a
 * callback. Both log their side effects and the consumer's "got v" in one list, so the logs agree
 * only if the generator runs exactly as far as its consumer asked (nothing ahead), hands out the
 * same elements, runs the same {@code finally} blocks and fails the same way. Each program is
 * consumed to its end and closed after each prefix of its elements.
 */
final class GeneratorTwins {

    private static final String HEADER = """
            package fz;
            import static org.jasyncio.AsyncIO.await;
            import static org.jasyncio.AsyncIO.emit;
            import static org.jasyncio.AsyncIO.sleep;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.function.IntConsumer;
            import org.jasyncio.Async;
            import org.jasyncio.AsyncIterator;
            import org.jasyncio.Task;

            public final class G {
                /** Thrown by the twin's emit at the consumer's last element: the twin of close(). */
                static final class Stop extends RuntimeException {
                }

                @Async public static Task<List<String>> consumed(int limit) {
                    List<String> log = new ArrayList<>();
                    AsyncIterator<Integer> it = generator(log);
                    try {
                        for (int taken = 0; taken < limit && await(it.hasNext()); taken++) log.add("got " + it.next());
                    } catch (IllegalArgumentException e) {
                        log.add("threw " + e.getMessage());
                    }
                    await(it.close());
                    return Task.completed(log);
                }

                public static List<String> expected(int limit) {
                    List<String> log = new ArrayList<>();
                    int[] taken = {0};
                    try {
                        twin(log, v -> {
                            log.add("got " + v);
                            if (++taken[0] == limit) throw new Stop();
                        });
                    } catch (IllegalArgumentException e) {
                        log.add("threw " + e.getMessage());
                    } catch (Stop closed) {
                        // the consumer closed the generator at its last element
                    }
                    return log;
                }
            """;

    /** The body in both forms, built side by side. */
    private static final class Body {
        final StringBuilder async = new StringBuilder();
        final StringBuilder sync = new StringBuilder();
        final Random random;
        int names;

        Body(Random random) {
            this.random = random;
        }

        void both(String asyncCode, String syncCode) {
            async.append(asyncCode).append('\n');
            sync.append(syncCode).append('\n');
        }

        void block(int depth, boolean inFinally) {
            int statements = 1 + random.nextInt(3);
            for (int i = 0; i < statements; i++) {
                statement(depth, inFinally);
            }
        }

        /** A {@code finally} block neither emits nor throws: emitting while closing is an error by design. */
        void statement(int depth, boolean inFinally) {
            int k = random.nextInt(10);
            int choice = random.nextInt(depth >= 3 ? 5 : 8);
            if (inFinally && (choice == 0 || choice == 4)) {
                choice = 1;
            }
            switch (choice) {
                case 0 -> both("await(emit(x * 10 + " + k + "));", "emit.accept(x * 10 + " + k + ");");
                case 1 -> both("log.add(\"at " + k + " \" + x);", "log.add(\"at " + k + " \" + x);");
                case 2 -> both("x += await(sleep(0, " + k + "));", "x += " + k + ";");
                case 3 -> both("x += await(Task.completed(" + k + "));", "x += " + k + ";");
                case 4 -> both("if (x > " + (20 + k * 5) + ") throw new IllegalArgumentException(\"t" + k + " \" + x);",
                        "if (x > " + (20 + k * 5) + ") throw new IllegalArgumentException(\"t" + k + " \" + x);");
                case 5 -> {
                    String i = "i" + names++;
                    String head = "for (int " + i + " = 0; " + i + " < " + (1 + random.nextInt(3)) + "; " + i + "++) {";
                    both(head, head);
                    block(depth + 1, inFinally);
                    both("}", "}");
                }
                case 6 -> {
                    both("if (x % 2 == " + (k % 2) + ") {", "if (x % 2 == " + (k % 2) + ") {");
                    block(depth + 1, inFinally);
                    both("} else {", "} else {");
                    block(depth + 1, inFinally);
                    both("}", "}");
                }
                default -> {
                    both("try {", "try {");
                    block(depth + 1, inFinally);
                    both("} finally {", "} finally {");
                    both("log.add(\"finally " + k + "\");", "log.add(\"finally " + k + "\");");
                    block(depth + 1, true);
                    both("}", "}");
                }
            }
        }
    }

    private GeneratorTwins() {
    }

    /** The program of one seed: class {@code fz.G}. */
    static String program(long seed) {
        Body body = new Body(new Random(seed));
        body.block(0, false);
        return HEADER
                + "@Async static AsyncIterator<Integer> generator(List<String> log) {\nint x = 0;\n" + body.async
                + "log.add(\"end\");\nreturn AsyncIterator.end();\n}\n"
                + "static void twin(List<String> log, IntConsumer emit) {\nint x = 0;\n" + body.sync
                + "log.add(\"end\");\n}\n}\n";
    }

    /** {@link #check(String, String)} of the program of {@code seed}. */
    static String check(long seed) throws ReflectiveOperationException {
        return check("seed " + seed, program(seed));
    }

    /**
     * Null when the generator of {@code source} (a {@link #program}) matches its twin, consumed to
     * the end and closed after each prefix of its elements; else what differed, with the program.
     */
    static String check(String label, String source) throws ReflectiveOperationException {
        Map<String, byte[]> classes = ProgramJavac.compile("G.java", source);
        Map<String, byte[]> rewritten = new HashMap<>();
        AsyncCompiler compiler = new AsyncCompiler(name -> classBytes(classes, name));
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            Result result = compiler.rewrite(entry.getValue());
            List<Diagnostic> errors = result.diagnostics().stream()
                    .filter(d -> d.kind() == Diagnostic.Kind.ERROR).toList();
            if (!errors.isEmpty()) {
                return label + ": compiler refused: " + errors + "\n" + source;
            }
            rewritten.put(entry.getKey(), result.bytes());
        }
        Class<?> program = new ClassLoader("generator-twins", GeneratorTwins.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = rewritten.get(name.replace('.', '/'));
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.loadClass("fz.G");
        Method consumed = program.getMethod("consumed", int.class);
        Method expected = program.getMethod("expected", int.class);
        int elements = (int) ((List<?>) expected.invoke(null, Integer.MAX_VALUE)).stream()
                .filter(line -> ((String) line).startsWith("got ")).count();
        List<Integer> limits = new ArrayList<>();
        for (int limit = 1; limit <= elements; limit++) {
            limits.add(limit);
        }
        limits.add(Integer.MAX_VALUE);
        for (int limit : limits) {
            Object want = expected.invoke(null, limit);
            Object got = run(consumed, limit);
            if (!want.equals(got)) {
                return label + ", consumer taking " + (limit == Integer.MAX_VALUE ? "all" : limit)
                        + " elements:\nexpected " + want + "\n but was " + got + "\n" + source;
            }
        }
        return null;
    }

    private static Object run(Method consumed, int limit) {
        Supplier<Task<Object>> body = () -> {
            try {
                @SuppressWarnings("unchecked")
                Task<Object> task = (Task<Object>) consumed.invoke(null, limit);
                return task;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("the consumer threw", e.getCause());
            }
        };
        return AsyncIO.run(body);
    }

    private static byte[] classBytes(Map<String, byte[]> compiled, String internalName) {
        byte[] own = compiled.get(internalName);
        if (own != null) {
            return own;
        }
        try (InputStream in = GeneratorTwins.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
