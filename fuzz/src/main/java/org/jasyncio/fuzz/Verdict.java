package org.jasyncio.fuzz;

/**
 * What checking one program found.
 *
 * @param program the nested class name, {@code Pn}
 * @param kind    the finding
 * @param detail  for a failure: the schedule and the first difference, the verifier's message, ...
 */
record Verdict(String program, Kind kind, String detail) {

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
