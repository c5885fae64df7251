package org.jasyncio.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jasyncio.AsyncIO;
import org.junit.jupiter.api.Test;

/**
 * The samples under {@code -javaagent} instead of the Maven plugin: compiles their sources again,
 * untouched, and runs the tour in a child JVM with the agent jar, which rewrites the {@code @Async}
 * methods as the classes load.
 */
class AgentTourIT {

    private static final double SCALE = 0.1;
    private static final String REWRITTEN_MARKER = "org/jasyncio/internal/Rewritten";

    @Test
    void theTourRunsTheSameUnderTheAgent() throws Exception {
        Path work = Path.of(System.getProperty("samples.work", "target/agent-tour"));
        Path classes = compileSamples(work.resolve("classes"));
        Path out = work.resolve("tour.out");
        Path err = work.resolve("tour.err");

        Process tour = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agentJar(),
                "-cp", classes + File.pathSeparator + locationOf(AsyncIO.class),
                Tour.class.getName(), "--scale", String.valueOf(SCALE))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        boolean exited = tour.waitFor(5, TimeUnit.MINUTES);
        if (!exited) {
            tour.destroyForcibly();
        }
        String stdout = Files.readString(out);
        String stderr = Files.readString(err);

        assertTrue(exited, () -> "the tour did not finish:\n" + stdout + "\n" + stderr);
        assertEquals(0, tour.exitValue(), () -> stdout + "\n" + stderr);
        LessonChecks.wholeTour(Transcript.parse(stdout), stderr, SCALE);
    }

    /** javac over the samples' sources, without the plugin: the classes the agent must rewrite. */
    private static Path compileSamples(Path classes) throws IOException, URISyntaxException {
        Path sources = Path.of(System.getProperty("samples.sources", "src/main/java"));
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8",
                "-d", classes.toString(), "-classpath", locationOf(AsyncIO.class).toString()));
        arguments.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), "javac failed");

        byte[] tourClass = Files.readAllBytes(classes.resolve("org/jasyncio/samples/BlockingTheEventLoop.class"));
        assertFalse(new String(tourClass, StandardCharsets.ISO_8859_1).contains(REWRITTEN_MARKER),
                "javac's output is not rewritten yet");
        return classes;
    }

    private static Path agentJar() throws ClassNotFoundException, URISyntaxException {
        Path jar = locationOf(Class.forName("org.jasyncio.agent.AsyncAgent", false,
                AgentTourIT.class.getClassLoader()));
        assertTrue(jar.toString().endsWith(".jar"), () -> "the agent is not a packaged jar: " + jar);
        return jar;
    }

    private static Path locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
