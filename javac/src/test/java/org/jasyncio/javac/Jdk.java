package org.jasyncio.javac;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.jasyncio.AsyncIO;

/** An installed JDK whose {@code javac} and {@code java} the tests run as a user would, in a process of their own. */
record Jdk(int feature, Path home) {

    /** The release numbers tried, where a JDK supports them: the LTS releases since 8. */
    private static final int[] RELEASES = {8, 11, 17, 21, 25};

    /** The result of one process: its exit code and everything it printed, both streams merged. */
    record Run(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit " + exitCode + ":\n" + output;
        }
    }

    /** The JDK running the tests and, where installed and newer, JDK 25. */
    static List<Jdk> installed() {
        List<Jdk> jdks = new ArrayList<>();
        jdks.add(new Jdk(Runtime.version().feature(), Path.of(System.getProperty("java.home"))));
        Path jdk25 = Path.of(System.getProperty("jdk25.home", "/nonexistent"));
        if (Runtime.version().feature() != 25 && Files.isExecutable(jdk25.resolve("bin/javac"))) {
            jdks.add(new Jdk(25, jdk25));
        }
        return jdks;
    }

    /** The jar under test, as a user gets it: packaged, so only the integration tests have it. */
    static Path processorJar() {
        return Path.of(System.getProperty("jasyncio.javac.jar"));
    }

    /** The jasyncio runtime, as the tests were given it: a jar or a classes directory. */
    static Path runtime() {
        try {
            return Path.of(AsyncIO.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    int[] releases() {
        return IntStream.of(RELEASES).filter(r -> r <= feature).toArray();
    }

    Run javac(Path workDir, List<String> arguments) {
        return run(workDir, "javac", arguments);
    }

    Run java(Path workDir, List<String> arguments) {
        return run(workDir, "java", arguments);
    }

    @Override
    public String toString() {
        return "JDK " + feature;
    }

    private Run run(Path workDir, String tool, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve(tool).toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Run(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
