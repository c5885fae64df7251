package org.jasyncio.agent;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Measures what the agent costs an application that has no {@code @Async} code: fresh JVMs load
 * every class of a library jar, alternately with and without {@code -javaagent}, and the load
 * times are compared. A harness to run by hand, not a test (tests do not depend on speed):
 *
 * <pre>
 * mvn -pl agent -am package -DskipTests
 * java -cp agent/target/test-classes org.jasyncio.agent.AgentOverhead \
 *     agent/target/jasyncio-agent-*.jar some-large-library.jar [rounds]
 * </pre>
 *
 * Each child JVM defines the jar's classes through a {@link URLClassLoader} without initialising
 * them, so the time is class definition (where the agent's transformer runs), not static
 * initialisers. The agent's own start-up (loading its classes) is included.
 */
public final class AgentOverhead {

    private AgentOverhead() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: AgentOverhead AGENT_JAR LIBRARY_JAR [ROUNDS]");
            System.exit(2);
        }
        String agentJar = args[0];
        String libraryJar = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        runChild(null, libraryJar);
        for (int round = 0; round < rounds; round++) {
            without.add(runChild(null, libraryJar));
            with.add(runChild(agentJar, libraryJar));
        }
        System.out.printf("classes loaded per run: %d%n", LoadAll.countClasses(libraryJar));
        System.out.printf("without agent: %s%n", summary(without));
        System.out.printf("with agent:    %s%n", summary(with));
        System.out.printf("overhead: %+.1f %% of the mean, %+.1f %% of the median%n",
                100 * (mean(with) / mean(without) - 1), 100 * (median(with) / median(without) - 1));
    }

    /** @return milliseconds the child spent loading the jar's classes */
    private static double runChild(String agentJar, String libraryJar) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (agentJar != null) {
            command.add("-javaagent:" + agentJar);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LoadAll.class.getName(), libraryJar));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (child.waitFor() != 0) {
            throw new IllegalStateException("child JVM failed: " + command);
        }
        return Long.parseLong(output) / 1e6;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Less sensitive than the mean to a run slowed down by whatever else the machine was doing. */
    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String summary(List<Double> values) {
        double mean = mean(values);
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1);
        return String.format("mean %.1f ms, stddev %.1f ms, median %.1f ms over %d runs",
                mean, Math.sqrt(variance), median(values), values.size());
    }

    /** The child: defines every class of one jar and prints how many nanoseconds that took. */
    public static final class LoadAll {

        private LoadAll() {
        }

        public static void main(String[] args) throws Exception {
            List<String> names = classNames(args[0]);
            try (URLClassLoader loader = new URLClassLoader(new URL[] {new File(args[0]).toURI().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                long start = System.nanoTime();
                for (String name : names) {
                    try {
                        Class.forName(name, false, loader);
                    } catch (LinkageError | ClassNotFoundException optionalDependencyMissing) {
                        // A class whose supertypes live in a jar that is not here: skipped the
                        // same way with and without the agent.
                    }
                }
                System.out.println(System.nanoTime() - start);
            }
        }

        static int countClasses(String jar) throws IOException {
            return classNames(jar).size();
        }

        private static List<String> classNames(String jar) throws IOException {
            try (JarFile file = new JarFile(jar)) {
                return file.stream().map(e -> e.getName())
                        .filter(n -> n.endsWith(".class") && !n.contains("-") && !n.startsWith("META-INF/"))
                        .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                        .toList();
            }
        }
    }
}
