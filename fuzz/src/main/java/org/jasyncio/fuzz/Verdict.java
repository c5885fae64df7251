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
        /**
         * The async twin did not end in its batch in time, and alone, given longer, it ended with the
         * reference's trace: a starved JVM or a slow program, or another program's failure stopped the
         * batch's loop. Reported apart (with the time and CPU time of both runs), not a failure.
         */
        SLOW,
        /** The async twin did not end in its batch in time, nor alone, given longer. */
        HANG,
        /** The compiler refused or threw, or the program's loop failed outside it, alone too. */
        CRASH,
        /** javac rejected the program: the generator's fault, not the compiler's. */
        INVALID
    }

    boolean failed() {
        return kind != Kind.PASS && kind != Kind.KNOWN_DIVERGENCE && kind != Kind.SLOW && kind != Kind.INVALID;
    }
}
