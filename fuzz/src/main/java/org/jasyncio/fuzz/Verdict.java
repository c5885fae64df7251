package org.jasyncio.fuzz;

import java.util.Set;
import org.jasyncio.fuzz.program.Feature;

/**
 * What checking one program found.
 *
 * @param program the nested class name, {@code Pn}
 * @param kind    the finding
 * @param detail  for a failure: the schedule and the first difference, the verifier's message, ...
 * @param reached what the async twin's runs reached, over every schedule it ran under
 */
record Verdict(String program, Kind kind, String detail, Set<Feature> reached) {

    Verdict(String program, Kind kind, String detail) {
        this(program, kind, detail, Set.of());
    }

    enum Kind {
        PASS,
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
        return kind != Kind.PASS && kind != Kind.INVALID;
    }
}
