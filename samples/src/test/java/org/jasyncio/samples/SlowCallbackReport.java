package org.jasyncio.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debug mode's report of the blocking resolver, "Executing <TimerHandle ... lambda in
 * BlockingTheEventLoop created at BlockingTheEventLoop.java:NN> took S seconds", found in log text.
 */
record SlowCallbackReport(int line, double seconds) {

    private static final Pattern REPORT = Pattern.compile(
            "Executing <TimerHandle[^>]* lambda in BlockingTheEventLoop created at BlockingTheEventLoop\\.java:(\\d+)>"
                    + " took (\\d+\\.\\d{3}) seconds");
    private static final Pattern ANY_REPORT = Pattern.compile("Executing <.*> took (\\d+\\.\\d{3}) seconds");
    private static final Path SOURCE = Path.of(System.getProperty("samples.sources", "src/main/java"),
            "org/jasyncio/samples/BlockingTheEventLoop.java");

    /** The report of the resolver callback in {@code text}, if there is one. */
    static Optional<SlowCallbackReport> find(String text) {
        Matcher m = REPORT.matcher(text);
        return m.find()
                ? Optional.of(new SlowCallbackReport(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2))))
                : Optional.empty();
    }

    /** How long the slowest callback reported in {@code text} took, 0 if none was. */
    static double slowest(String text) {
        Matcher m = ANY_REPORT.matcher(text);
        double slowest = 0;
        while (m.find()) {
            slowest = Math.max(slowest, Double.parseDouble(m.group(1)));
        }
        return slowest;
    }

    /**
     * Asserts that the report names the line where the sample schedules the resolver and that it
     * took at least {@code blockedFor} seconds.
     */
    void assertNamesResolver(double blockedFor) throws IOException {
        assertEquals(callLaterLine(), line, "line of loop.callLater(...) in BlockingTheEventLoop.java");
        assertTrue(seconds >= blockedFor, () -> "reported " + seconds + " s, blocked for " + blockedFor + " s");
    }

    private static int callLaterLine() throws IOException {
        List<String> source = Files.readAllLines(SOURCE);
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).contains("loop.callLater(")) {
                return i + 1;
            }
        }
        throw new AssertionError("no loop.callLater( in " + SOURCE);
    }
}
