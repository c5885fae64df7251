package org.jasyncio.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jasyncio.testing.DemoSources;
import org.jasyncio.testing.JavaSources;
import org.jasyncio.testing.RecordingLogger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncTransformerTest {

    @TempDir
    static Path work;
    static Path classes;

    private final RecordingLogger log = new RecordingLogger();

    @BeforeAll
    static void compileFixtures() {
        classes = JavaSources.compile(work, DemoSources.all());
    }

    @Test
    void skipsTheJdkAndJasyncioItselfByName() {
        for (String name : List.of("java/lang/String", "javax/swing/JFrame", "jdk/internal/misc/Unsafe",
                "sun/misc/Unsafe", "com/sun/net/httpserver/HttpServer", "org/jasyncio/AsyncIO",
                "org/jasyncio/internal/Coroutine", "org/jasyncio/agent/AsyncAgent", "org/jasyncio/compiler/AsyncCompiler")) {
            assertTrue(AsyncTransformer.isSkipped(name), name);
        }
        for (String name : List.of("demo/Greeter", "Greeter", "org/jasyncio/samples/Lesson", "javafx/Foo", "com/sunny/Bar")) {
            assertFalse(AsyncTransformer.isSkipped(name), name);
        }
    }

    @Test
    void leavesJdkLoadersAndRedefinitionsAlone() throws Exception {
        AsyncTransformer transformer = transformer(AgentOptions.parse(null));
        byte[] greeter = classFile("demo/Greeter");
        assertNull(transformer.transform(null, "demo/Greeter", null, null, greeter));
        assertNull(transformer.transform(ClassLoader.getPlatformClassLoader(), "demo/Greeter", null, null, greeter));
        assertNull(transformer.transform(getClass().getClassLoader(), "demo/Greeter", String.class, null, greeter));
        assertTrue(log.entries().isEmpty());
    }

    @Test
    void aClassDefinedWithoutANameIsRewrittenUnderTheNameInItsBytes() throws Exception {
        AsyncTransformer transformer = transformer(AgentOptions.parse("verbose"));
        assertNotNull(transformer.transform(getClass().getClassLoader(), null, null, null, classFile("demo/Greeter")));
        assertEquals(List.of("jasyncio: rewrote 1 methods in demo.Greeter"), log.messages(Level.INFO));
        assertNull(transformer.transform(getClass().getClassLoader(), null, null, null, classFile("demo/Plain")));
        assertNull(transformer.transform(getClass().getClassLoader(), null, null, null,
                "not a class file".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void neverThrowsOnGarbage() {
        AsyncTransformer transformer = transformer(AgentOptions.parse(null));
        byte[] garbage = "not a class file".getBytes(StandardCharsets.US_ASCII);
        assertNull(transformer.transform(getClass().getClassLoader(), "demo/Garbage", null, null, garbage));
    }

    @Test
    void leavesClassesWithoutAsyncUntouchedAndSilent() throws Exception {
        AsyncTransformer transformer = transformer(AgentOptions.parse("verbose"));
        assertNull(transformer.transform(getClass().getClassLoader(), "demo/Plain", null, null, classFile("demo/Plain")));
        assertTrue(log.entries().isEmpty(), () -> log.entries().toString());
    }

    @Test
    void rewritesAsyncMethodsSoThatTheyRunOnTheLoop() throws Exception {
        TransformingLoader loader = new TransformingLoader(classes, transformer(AgentOptions.parse(null)));
        assertEquals("hello world\n", runMain(loader, "demo.Greeter"));
        assertTrue(log.entries().isEmpty(), () -> log.entries().toString());
    }

    @Test
    void keepLocalsReachesTheCompiler(@TempDir Path dir) throws Exception {
        byte[] kept = Files.readAllBytes(JavaSources.compile(dir, Map.of("demo/Kept.java", DemoSources.KEPT))
                .resolve("demo/Kept.class"));
        byte[] withKeepLocals = transformer(AgentOptions.parse("keepLocals"))
                .transform(getClass().getClassLoader(), "demo/Kept", null, null, kept);
        byte[] withoutKeepLocals = transformer(AgentOptions.parse(null))
                .transform(getClass().getClassLoader(), "demo/Kept", null, null, kept);
        assertNotNull(withKeepLocals);
        assertFalse(Arrays.equals(withoutKeepLocals, withKeepLocals), "keepLocals keeps the local the code no longer reads");
    }

    @Test
    void verboseLogsEveryRewrittenClassAndDumpWritesIt(@TempDir Path dumpDir) throws Exception {
        AsyncTransformer transformer = transformer(AgentOptions.parse("verbose,dump=" + dumpDir));
        byte[] rewritten = transformer.transform(getClass().getClassLoader(), "demo/Greeter", null, null, classFile("demo/Greeter"));
        assertNotNull(rewritten);
        assertEquals(List.of("jasyncio: rewrote 1 methods in demo.Greeter"), log.messages(Level.INFO));
        assertArrayEquals(rewritten, Files.readAllBytes(dumpDir.resolve("demo/Greeter.class")));
    }

    @Test
    void refusedMethodsAreLoggedAndTheirAwaitThrowsTheRefusal() throws Exception {
        TransformingLoader loader = new TransformingLoader(classes, transformer(AgentOptions.parse("verbose")));
        String output = runMain(loader, "demo.Refused");
        assertTrue(output.startsWith("refused: Refused.java:10: demo.Refused.notAsync: await in a method that is not "
                + "@Async"), output);
        List<String> warnings = log.messages(Level.WARNING);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("jasyncio: Refused.java:10: demo.Refused.notAsync: ")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("jasyncio: Refused.java:16: demo.Refused.locked: ")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains(": demo.Refused.notTask: ")), warnings::toString);
        assertTrue(warnings.contains("jasyncio: demo.Refused: the methods refused above were not rewritten; an await in "
                + "them throws IllegalStateException with the refusal"), warnings::toString);
        assertTrue(log.messages(Level.INFO).isEmpty(), () -> log.messages(Level.INFO).toString());
    }

    @Test
    void aRefusedMethodLeavesTheOtherMethodsOfItsClassRewritten(@TempDir Path dir) throws Exception {
        Path mixed = JavaSources.compile(dir, Map.of("demo/Mixed.java", """
                package demo;

                import static org.jasyncio.AsyncIO.await;

                import org.jasyncio.Async;
                import org.jasyncio.AsyncIO;
                import org.jasyncio.Task;

                public class Mixed {
                    @Async
                    static Task<Integer> fine() {
                        return Task.completed(await(AsyncIO.sleep(0.001, 41)) + 1);
                    }

                    @Async
                    static Task<Integer> locked() {
                        synchronized (Mixed.class) {
                            return Task.completed(await(AsyncIO.sleep(0.001, 1)));
                        }
                    }

                    public static void main(String[] args) {
                        System.out.println(AsyncIO.run(Mixed::fine));
                        try {
                            AsyncIO.run(Mixed::locked);
                        } catch (IllegalStateException refused) {
                            System.out.println(refused.getMessage());
                        }
                    }
                }
                """));
        TransformingLoader loader = new TransformingLoader(mixed, transformer(AgentOptions.parse("verbose")));
        String output = runMain(loader, "demo.Mixed");
        assertTrue(output.startsWith("42\nMixed.java:18: demo.Mixed.locked: await inside a synchronized block; "), output);
        assertEquals(List.of("jasyncio: rewrote 1 methods in demo.Mixed"), log.messages(Level.INFO));
    }

    @Test
    void rewritesLambdasThatAwait(@TempDir Path dir) throws Exception {
        Path lambdas = JavaSources.compile(dir, Map.of("demo/Lambdas.java", """
                package demo;

                import static org.jasyncio.AsyncIO.await;

                import org.jasyncio.AsyncIO;
                import org.jasyncio.Task;

                public class Lambdas {
                    public static void main(String[] args) {
                        int answer = AsyncIO.run(() -> {
                            Task<Integer> task = AsyncIO.createTask(() -> Task.completed(await(AsyncIO.sleep(0.001, 20)) + 1));
                            return Task.completed(await(task) * 2);
                        });
                        System.out.println(answer);
                    }
                }
                """));
        TransformingLoader loader = new TransformingLoader(lambdas, transformer(AgentOptions.parse(null)));
        assertEquals("42\n", runMain(loader, "demo.Lambdas"));
        assertTrue(log.entries().isEmpty(), () -> log.entries().toString());
    }

    @Test
    void rewritesAsyncGenerators(@TempDir Path dir) throws Exception {
        Path generators = JavaSources.compile(dir, Map.of("demo/Countdown.java", """
                package demo;

                import static org.jasyncio.AsyncIO.await;
                import static org.jasyncio.AsyncIO.emit;

                import java.util.ArrayList;
                import java.util.List;
                import org.jasyncio.Async;
                import org.jasyncio.AsyncIO;
                import org.jasyncio.AsyncIterator;
                import org.jasyncio.Task;

                public class Countdown {
                    @Async static AsyncIterator<Integer> countdown(int from) {
                        for (int i = from; i > 0; i--) {
                            await(AsyncIO.sleep(0.001));
                            await(emit(i));
                        }
                        return AsyncIterator.end();
                    }

                    public static void main(String[] args) {
                        List<Integer> seen = AsyncIO.run(() -> {
                            List<Integer> all = new ArrayList<>();
                            for (AsyncIterator<Integer> it = countdown(3); await(it.hasNext()); ) {
                                all.add(it.next());
                            }
                            return Task.completed(all);
                        });
                        System.out.println(seen);
                    }
                }
                """));
        TransformingLoader loader = new TransformingLoader(generators, transformer(AgentOptions.parse(null)));
        assertEquals("[3, 2, 1]\n", runMain(loader, "demo.Countdown"));
        assertTrue(log.entries().isEmpty(), () -> log.entries().toString());
    }

    private AsyncTransformer transformer(AgentOptions options) {
        return new AsyncTransformer(options, () -> log);
    }

    private static byte[] classFile(String internalName) throws Exception {
        return Files.readAllBytes(classes.resolve(internalName + ".class"));
    }

    /** Runs {@code main} of a fixture class and returns what it printed. */
    private static String runMain(ClassLoader loader, String className) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            loader.loadClass(className).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            throw new AssertionError(className + ".main threw", e.getCause());
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
