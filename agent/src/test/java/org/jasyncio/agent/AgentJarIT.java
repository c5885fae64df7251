package org.jasyncio.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import javax.tools.ToolProvider;

import org.jasyncio.Async;
import org.jasyncio.testing.DemoSources;
import org.jasyncio.testing.JavaSources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged agent jar, as a user gets it: its layout, and JVMs started with {@code -javaagent}. */
class AgentJarIT {

    static final Path AGENT_JAR = Path.of(System.getProperty("jasyncio.agent.jar"));

    @TempDir
    static Path work;
    static Path classes;

    /** Defines {@code demo.Greeter} a second time, from its bytes and without a name, as some bytecode frameworks do. */
    static final String NAMELESS = """
            package demo;

            import java.io.InputStream;

            public class Nameless extends ClassLoader {
                Nameless() {
                    super(Nameless.class.getClassLoader());
                }

                Class<?> defineWithoutName(byte[] bytes) {
                    return defineClass(null, bytes, 0, bytes.length);
                }

                public static void main(String[] args) throws Exception {
                    byte[] bytes;
                    try (InputStream in = Nameless.class.getResourceAsStream("/demo/Greeter.class")) {
                        bytes = in.readAllBytes();
                    }
                    Class<?> greeter = new Nameless().defineWithoutName(bytes);
                    System.out.println(greeter.getMethod("run", String.class).invoke(null, "nameless"));
                }
            }
            """;

    @BeforeAll
    static void compileFixtures() {
        Map<String, String> sources = new HashMap<>(DemoSources.all());
        sources.put("demo/Nameless.java", NAMELESS);
        classes = JavaSources.compile(work, sources);
    }

    @Test
    void isSelfContainedWithItsAsmRelocated() throws IOException {
        try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            assertTrue(names.contains("org/jasyncio/agent/AsyncAgent.class"));
            assertTrue(names.contains("org/jasyncio/compiler/AsyncCompiler.class"));
            assertTrue(names.contains("org/jasyncio/agent/shaded/asm/ClassReader.class"));
            assertTrue(names.contains("org/jasyncio/agent/shaded/asm/tree/analysis/Analyzer.class"));
            assertFalse(names.stream().anyMatch(n -> n.startsWith("org/objectweb/")), "unrelocated ASM");
            assertFalse(names.stream().anyMatch(n -> n.endsWith("module-info.class")), "a module descriptor");
            assertFalse(names.stream().anyMatch(n -> n.endsWith(".class") && !n.startsWith("org/jasyncio/agent/")
                    && !n.startsWith("org/jasyncio/compiler/")), "classes besides the agent and the compiler (the application brings its own runtime)");

            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals("org.jasyncio.agent.AsyncAgent", manifest.getValue("Premain-Class"));
            assertEquals("org.jasyncio.agent.AsyncAgent", manifest.getValue("Launcher-Agent-Class"));
            assertEquals("false", manifest.getValue("Can-Redefine-Classes"));
            assertEquals(null, manifest.getValue("Agent-Class"), "no dynamic attach");
        }
    }

    @Test
    void rewritesAsyncMethodsAsTheyLoad(@TempDir Path dump) throws Exception {
        Run run = java("-javaagent:" + AGENT_JAR + "=verbose,dump=" + dump, "demo.Greeter");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("hello world", run.stdout().strip());
        assertTrue(run.stderr().contains("INFO: jasyncio: rewrote 1 methods in demo.Greeter"), run::toString);
        assertTrue(Files.size(dump.resolve("demo/Greeter.class")) > Files.size(classes.resolve("demo/Greeter.class")));
    }

    @Test
    void logsRefusalsAndTheApplicationRunsOn() throws Exception {
        Run run = java("-javaagent:" + AGENT_JAR, "demo.Refused");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stdout().startsWith("refused: Refused.java:10: demo.Refused.notAsync: await in a method that is "
                + "not @Async"), run::toString);
        assertTrue(run.stderr().contains("WARNING: jasyncio: Refused.java:10: demo.Refused.notAsync: "), run::toString);
        assertTrue(run.stderr().contains("WARNING: jasyncio: demo.Refused: the methods refused above were not rewritten"),
                run::toString);
    }

    @Test
    void rewritesAClassDefinedWithoutAName() throws Exception {
        Run run = java("-javaagent:" + AGENT_JAR + "=verbose", "demo.Nameless");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("hello nameless", run.stdout().strip());
        assertTrue(run.stderr().contains("INFO: jasyncio: rewrote 1 methods in demo.Greeter"), run::toString);
    }

    @Test
    void aMistypedOptionIsReportedAndTheApplicationStillStarts() throws Exception {
        Run run = java("-javaagent:" + AGENT_JAR + "=verbos", "demo.Greeter");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("hello world", run.stdout().strip());
        assertTrue(run.stderr().contains("jasyncio agent: unknown option 'verbos'"), run::toString);
    }

    @Test
    void withoutTheAgentAwaitFails() throws Exception {
        Run run = java("-Dno.agent=true", "demo.Refused");
        assertTrue(run.stdout().startsWith("refused: "), run::toString);
        assertEquals("", run.stderr(), "nothing from an agent that is not there");
    }

    @Test
    void rewritesAModularApplicationOnTheModulePath(@TempDir Path app) throws Exception {
        Path sources = app.resolve("src");
        write(sources.resolve("module-info.java"), "module demo.modular { requires org.jasyncio; }\n");
        write(sources.resolve("demo/modular/Main.java"), String.join("\n",
                "package demo.modular;",
                "import org.jasyncio.Async;",
                "import org.jasyncio.AsyncIO;",
                "import org.jasyncio.Task;",
                "import static org.jasyncio.AsyncIO.*;",
                "public class Main {",
                "    @Async static Task<Integer> twice(int n) {",
                "        await(sleep(0.01));",
                "        return Task.completed(2 * n);",
                "    }",
                "    @Async static Task<String> work() {",
                "        Task<Integer> t = createTask(() -> twice(20));",
                "        int a = await(t);",
                "        int b = await(twice(1));",
                "        return Task.completed(Main.class.getModule().getName() + \" \" + (a + b));",
                "    }",
                "    public static void main(String[] args) {",
                "        System.out.println(AsyncIO.run(Main::work));",
                "    }",
                "}", ""));
        String runtime = Path.of(Async.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Path modClasses = app.resolve("classes");
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "--module-path", runtime,
                "-d", modClasses.toString(), sources.resolve("module-info.java").toString(),
                sources.resolve("demo/modular/Main.java").toString());
        assertEquals(0, compiled, "the modular fixture compiles");

        Run run = run(List.of("-javaagent:" + AGENT_JAR + "=verbose", "--module-path",
                modClasses + File.pathSeparator + runtime, "--module", "demo.modular/demo.modular.Main"));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("demo.modular 42", run.stdout().strip(), "ran as a named module, rewritten");
        assertTrue(run.stderr().contains("INFO: jasyncio: rewrote 2 methods in demo.modular.Main"), run::toString);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run java(String jvmOption, String mainClass) throws Exception {
        String runtime = Path.of(Async.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        return run(List.of(jvmOption, "-cp", classes + File.pathSeparator + runtime, mainClass));
    }

    private static Run run(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        Path out = Files.createTempFile(work, "stdout", ".txt");
        Path err = Files.createTempFile(work, "stderr", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exitCode = process.waitFor();
        return new Run(exitCode, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
