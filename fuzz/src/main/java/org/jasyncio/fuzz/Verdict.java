package org.jasyncio.fuzz;

import java.util.Set;
import org.jasyncio.fuzz.program.Feature;

/**
 * What checking one program found.
 *
 * @param program the nested class name, {@code Pn}
 * @param kind    the finding
 * @param detail  for a failure: the schedule and the first difference, the verifier's message, ...;
 *                for a known divergence: its first example
 * @param reached what the async twin's runs reached, over every schedule it ran under
 * @param known   the known divergences its traces showed (the only differences, unless it failed)
 */
record Verdict(String program, Kind kind, String detail, Set<Feature> reached, Set<KnownDivergence> known) {

    Verdict(String program, Kind kind, String detail) {
        this(program, kind, detail, Set.of(), Set.of());
    }

    enum Kind {
        PASS,
        /** The traces differed only in {@link KnownDivergence known} ways. */
        KNOWN_DIVERGENCE,
        /** The async twin's trace differs from the reference's. */
        DIVERGENCE,
        /** The JVM (or ASM's checker) refused a rewritten class. */
        VERIFY_ERROR,
        /** The async twin did not finish in time. */
        HANG,
        /** The compiler refused or threw, or the run failed outside the program. */
        CRASH,
        /** javac rejected the program: the generator's fault, not the compiler's. */
        INVALID
    }

    boolean failed() {
        return kind != Kind.PASS && kind != Kind.KNOWN_DIVERGENCE && kind != Kind.INVALID;
    }
}
