package org.jasyncio.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a sample printed, line by line, with the parsing the tests share. */
final class Transcript {

    private static final Pattern LOOP_LINE = Pattern.compile("Is (?:event )?loop running in thread (.+) = (\\d+)");
    private static final Pattern ALIVE_LINE = Pattern.compile("Alive at (\\d+\\.\\d{3})");
    private static final Pattern RAN_FOR_LINE = Pattern.compile("Program ran for (\\d+\\.\\d{2}) seconds");

    private final List<String> lines;

    Transcript(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    /** Runs {@code sample} with a stream to print to and returns what it printed. */
    static Transcript of(SampleRun sample) throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            sample.run(out);
        }
        return parse(bytes.toString(StandardCharsets.UTF_8));
    }

    static Transcript parse(String text) {
        return new Transcript(text.lines().toList());
    }

    interface SampleRun {
        void run(PrintStream out) throws InterruptedException;
    }

    List<String> lines() {
        return lines;
    }

    /**
     * The non-blank lines after the first line containing {@code heading}, up to the next "== "
     * heading.
     */
    Transcript section(String heading) {
        int start = indexOf(heading);
        List<String> body = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("== ")) {
                break;
            }
            if (!line.isBlank()) {
                body.add(line);
            }
        }
        return new Transcript(body);
    }

    int indexOf(String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return fail("no line contains '" + text + "' in:\n" + String.join("\n", lines));
    }

    /** The "Is (event) loop running in thread NAME = ID" lines, in order. */
    List<LoopLine> loopLines() {
        List<LoopLine> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LOOP_LINE.matcher(lines.get(i));
            if (m.matches()) {
                found.add(new LoopLine(i, m.group(1), Long.parseLong(m.group(2))));
            }
        }
        return found;
    }

    record LoopLine(int index, String thread, long loopId) {
    }

    /** The seconds of the "Program ran for N seconds" line. */
    double ranFor() {
        Matcher m = RAN_FOR_LINE.matcher(lines.get(indexOf("Program ran for")));
        assertTrue(m.matches(), () -> "unexpected line: " + m);
        return Double.parseDouble(m.group(1));
    }

    /** The "Alive at T" lines: line index and wall-clock seconds. */
    List<Alive> alives() {
        List<Alive> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ALIVE_LINE.matcher(lines.get(i));
            if (m.matches()) {
                found.add(new Alive(i, Double.parseDouble(m.group(1))));
            }
        }
        return found;
    }

    record Alive(int index, double at) {
    }

    /** The longest time between two consecutive "Alive" lines. */
    double longestAliveGap() {
        List<Alive> alives = alives();
        assertTrue(alives.size() >= 2, () -> "fewer than two Alive lines in:\n" + this);
        double longest = 0;
        for (int i = 1; i < alives.size(); i++) {
            longest = Math.max(longest, alives.get(i).at() - alives.get(i - 1).at());
        }
        return longest;
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
