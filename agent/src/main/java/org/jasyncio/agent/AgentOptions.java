package org.jasyncio.agent;

import java.nio.file.Path;

/**
 * The options after {@code -javaagent:jasyncio-agent.jar=}, comma-separated:
 * {@code verbose} logs every rewritten class at INFO, {@code dump=DIR} writes every rewritten
 * class file under {@code DIR} for inspection ({@code javap -c -p}).
 *
 * @param verbose whether every rewritten class is logged
 * @param dumpDir where rewritten class files are written, or {@code null} for nowhere
 */
record AgentOptions(boolean verbose, Path dumpDir) {

    /**
     * Parses the agent's argument string ({@code null} or empty means no options).
     *
     * @throws IllegalArgumentException naming an option the agent does not know
     */
    static AgentOptions parse(String arguments) {
        boolean verbose = false;
        Path dumpDir = null;
        if (arguments != null) {
            for (String option : arguments.split(",")) {
                String trimmed = option.strip();
                if (trimmed.equals("verbose")) {
                    verbose = true;
                } else if (trimmed.startsWith("dump=") && trimmed.length() > "dump=".length()) {
                    dumpDir = Path.of(trimmed.substring("dump=".length()));
                } else if (!trimmed.isEmpty()) {
                    throw new IllegalArgumentException("jasyncio agent: unknown option '" + trimmed
                            + "'; the options are 'verbose' and 'dump=DIR', comma-separated");
                }
            }
        }
        return new AgentOptions(verbose, dumpDir);
    }
}
