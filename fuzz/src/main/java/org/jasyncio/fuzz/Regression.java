package org.jasyncio.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replays a regression file written by {@link Campaign}: the unit as it was, with the plan seed from its header. */
public final class Regression {

    static final String PLAN_SEED = "// plan-seed: ";

    private static final Pattern PROGRAM = Pattern.compile("static final class (P\\d+) \\{");

    private Regression() {
    }

    /**
     * The failures among the file's programs' verdicts: none when the bug is fixed. A {@link
     * KnownDivergence} is not one here: it has an example of its own; nor is a program that ended
     * only when run alone ({@link Verdict.Kind#SLOW}): a loaded machine, with the reference's trace.
     */
    public static List<String> failures(String source) {
        List<String> failures = new ArrayList<>();
        for (Verdict verdict : verdicts(source)) {
            if (verdict.kind() != Verdict.Kind.PASS && verdict.kind() != Verdict.Kind.KNOWN_DIVERGENCE
                    && verdict.kind() != Verdict.Kind.SLOW) {
                failures.add(verdict.program() + ": " + verdict.kind() + " " + verdict.detail());
            }
        }
        return failures;
    }

    /** The verdict for every program of the file. */
    static List<Verdict> verdicts(String source) {
        int at = source.indexOf(PLAN_SEED);
        long planSeed = at < 0 ? 0 : Long.parseLong(source.substring(at + PLAN_SEED.length(),
                source.indexOf('\n', at)).trim());
        List<String> programs = new ArrayList<>();
        Matcher matcher = PROGRAM.matcher(source.substring(0, source.indexOf("final class S")));
        while (matcher.find()) {
            programs.add(matcher.group(1));
        }
        return Differential.check(source, programs, planSeed);
    }
}
