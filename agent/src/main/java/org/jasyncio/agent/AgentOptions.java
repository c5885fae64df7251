package org.jasyncio.agent;

import java.nio.file.Path;

/**
 * The options after {@code -javaagent:jasyncio-agent.jar=}, comma-separated:
 * {@code verbose} logs every rewritten class at INFO, {@code dump=DIR} writes every rewritten
 * class file under {@code DIR} for inspection ({@code javap -c -p}), {@code keepLocals} keeps
 * every variable in scope alive across awaits, so that a debugger shows them all.
 *
 * @param verbose    whether every rewritten class is logged
 * @param dumpDir    where rewritten class files are written, or {@code null} for nowhere
 * @param keepLocals whether the compiler keeps every variable in scope across awaits
 */
record AgentOptions(boolean verbose, Path dumpDir, boolean keepLocals) {

    /**
     * Parses the agent's argument string ({@code null} or empty means no options).
     *
     * @throws IllegalArgumentException naming an option the agent does not know
     */
    static AgentOptions parse(String arguments) {
        boolean verbose = false;
        Path dumpDir = null;
        boolean keepLocals = false;
        if (arguments != null) {
            for (String option : arguments.split(",")) {
                String trimmed = option.strip();
                if (trimmed.equals("verbose")) {
                    verbose = true;
                } else if (trimmed.equals("keepLocals")) {
                    keepLocals = true;
                } else if (trimmed.startsWith("dump=") && trimmed.length() > "dump=".length()) {
                    dumpDir = Path.of(trimmed.substring("dump=".length()));
                } else if (!trimmed.isEmpty()) {
                    throw new IllegalArgumentException("jasyncio agent: unknown option '" + trimmed
                            + "'; the options are 'verbose', 'dump=DIR' and 'keepLocals', comma-separated");
                }
            }
        }
        return new AgentOptions(verbose, dumpDir, keepLocals);
    }
}
