package org.jasyncio.agent;

import java.lang.instrument.Instrumentation;

/**
 * The entry points of the jasyncio agent: {@code -javaagent:jasyncio-agent.jar[=options]}
 * ({@link #premain}) and the {@code Launcher-Agent-Class} of an executable jar that carries the
 * agent ({@link #agentmain}). Both install the transformer that rewrites {@code @Async} methods
 * as their classes load; see {@link AgentOptions} for the options.
 */
public final class AsyncAgent {

    private AsyncAgent() {
    }

    /**
     * Called by the JVM before {@code main} when started with {@code -javaagent}.
     *
     * @param arguments   the text after {@code =}, or {@code null}
     * @param instrumentation the JVM's instrumentation service
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        install(arguments, instrumentation);
    }

    /**
     * Called by the launcher before {@code main} when the executable jar's manifest names this
     * class as {@code Launcher-Agent-Class}.
     *
     * @param arguments   always {@code null} for a launcher agent
     * @param instrumentation the JVM's instrumentation service
     */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        install(arguments, instrumentation);
    }

    /** A mistyped option is reported, not fatal: an agent must never keep the application from starting. */
    private static void install(String arguments, Instrumentation instrumentation) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            logger().log(System.Logger.Level.WARNING, e.getMessage() + "; the agent runs without options");
            options = AgentOptions.parse(null);
        }
        instrumentation.addTransformer(new AsyncTransformer(options, AsyncAgent::logger), false);
    }

    private static System.Logger logger() {
        return System.getLogger(AsyncAgent.class.getName());
    }
}
