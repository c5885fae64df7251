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

    private static void install(String arguments, Instrumentation instrumentation) {
        AgentOptions options = AgentOptions.parse(arguments);
        instrumentation.addTransformer(new AsyncTransformer(options, () -> System.getLogger(AsyncAgent.class.getName())), false);
    }
}
