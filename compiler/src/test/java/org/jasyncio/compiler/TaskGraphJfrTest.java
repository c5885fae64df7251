package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jasyncio.EventLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's scenario for a hung server: a JVM whose loop waits forever on an await, and, from
 * outside it, the JDK's own tools: {@code jcmd <pid> JFR.start}, {@code jcmd <pid> JFR.dump}, then
 * {@code jfr print --events org.jasyncio.TaskGraph}, which shows the loop's task graph: each
 * task's {@code @Async} methods with the lines of their awaits, and which task awaits which.
 */
class TaskGraphJfrTest {

    private static final String SOURCE = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;
            public final class Hung {
                @Async
                static Task<Integer> leaf(Future<Integer> never) {
                    return Task.completed(await(never) + 1);   // LEAF
                }

                @Async
                static Task<Integer> middle(Future<Integer> never) {
                    return Task.completed(await(leaf(never)) * 2);   // MIDDLE
                }

                @Async
                static Task<Integer> serve() {
                    Future<Integer> never = new Future<>();
                    Task<Integer> worker = createTask(() -> middle(never));
                    worker.setName("worker");
                    for (int i = 0; i < 3; i++) {
                        await(sleep(0));
                    }
                    System.out.println("hung");
                    return Task.completed(await(worker));   // SERVE
                }

                public static void main(String[] args) {
                    AsyncIO.run(Hung::serve);
                }
            }
            """;

    private static final long BOUND_SECONDS = 120;

    @Test
    void jcmdDumpsTheTaskGraphOfAHungLoop(@TempDir Path dir) throws Exception {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        assumeTrue(Files.isExecutable(bin.resolve("jcmd")) && Files.isExecutable(bin.resolve("jfr")),
                "a JDK with jcmd and jfr, not a JRE: " + bin);
        Path classes = dir.resolve("classes");
        Fixtures.compile("Hung", SOURCE).load().writeTo(classes);
        Process hung = new ProcessBuilder(bin.resolve("java").toString(),
                "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"), "fx.Hung")
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(hung.getInputStream(), StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> readLine(out)).get(BOUND_SECONDS, TimeUnit.SECONDS);
            assertEquals("hung", first, () -> "the program reaches its hang; stderr: " + read(dir.resolve("stderr.txt")));
            String pid = Long.toString(hung.pid());
            Path recording = dir.resolve("hung.jfr");
            assertTrue(run(bin.resolve("jcmd"), pid, "JFR.start", "name=hang").contains("Started recording"));
            run(bin.resolve("jcmd"), pid, "JFR.dump", "name=hang", "filename=" + recording);
            String printed = run(bin.resolve("jfr"), "print", "--events", "org.jasyncio.TaskGraph", recording.toString());

            assertTrue(printed.contains("org.jasyncio.TaskGraph"), printed);
            assertTrue(printed.contains("tasks = 2"), printed);
            assertTrue(printed.contains("settled = true"), "a loop waiting in its poller holds still: " + printed);
            assertTrue(printed.contains("loopThread = \"main\""), printed);
            String graph = printed;
            assertTrue(graph.contains("2 pending tasks:\n"), graph);
            String worker = "Stack for <Task pending name='worker' ";
            assertTrue(graph.contains(worker), graph);
            String workerStack = graph.substring(graph.indexOf(worker));
            assertTrue(workerStack.contains(":\n    at " + frame("leaf", "LEAF") + "\n    at " + frame("middle", "MIDDLE")
                    + "\n    awaiting <Future pending"), graph);
            assertTrue(workerStack.contains("    awaited by <Task pending name='Task-1' coro=<Hung.serve() running at Hung.java:"
                    + line("SERVE")), graph);
            assertTrue(graph.contains("    at " + frame("serve", "SERVE") + "\n    awaiting <Task pending name='worker'"), graph);
        } finally {
            hung.destroyForcibly().waitFor(BOUND_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * The runtime reads {@code jdk.jfr} only if the image has it: in a JVM whose modules are
     * {@code java.base} and the runtime's alone (what a jlink image of them holds), loops run.
     */
    @Test
    void withoutJdkJfrLoopsRunAsEver(@TempDir Path dir) throws Exception {
        Fixtures.compile("WithoutJfr", """
                package fx;
                import org.jasyncio.*;
                public final class WithoutJfr {
                    public static void main(String[] args) {
                        boolean jfr = ModuleLayer.boot().findModule("jdk.jfr").isPresent();
                        System.out.println("jdk.jfr " + jfr + ", " + AsyncIO.run(() -> Task.completed("ran")));
                    }
                }
                """).load().writeTo(dir);
        Path runtime = Path.of(EventLoop.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String printed = run(Path.of(System.getProperty("java.home"), "bin", "java"), "--limit-modules",
                "java.base,org.jasyncio", "--module-path", runtime.toString(), "--add-modules", "org.jasyncio",
                "-cp", dir.toString(), "fx.WithoutJfr");
        assertEquals("jdk.jfr false, ran", printed.strip());
    }

    /** Runs one of the JDK's tools (or a JVM) to its end and returns what it printed; it must succeed. */
    private static String run(Path tool, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process));
        assertTrue(process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS), () -> "still running: " + command);
        String printed = output.join();
        assertEquals(0, process.exitValue(), () -> command + " failed:\n" + printed);
        return printed;
    }

    private static String read(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String frame(String method, String marker) {
        return new StackTraceElement("fx.Hung", method, "Hung.java", line(marker)).toString();
    }

    private static int line(String marker) {
        return SOURCE.lines().toList().indexOf(SOURCE.lines().filter(l -> l.endsWith("// " + marker)).findFirst()
                .orElseThrow()) + 1;
    }
}
