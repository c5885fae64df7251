package org.jasyncio.testing;

import java.util.Map;

/**
 * User code that the agent and the Maven plugin tests rewrite: one class with an {@code @Async}
 * method, one with refusals, one plain. Compile them with {@link JavaSources} against a test
 * classpath that has the runtime.
 */
public final class DemoSources {

    private DemoSources() {
    }

    /**
     * {@code demo.Kept}: a local that {@code work()} no longer reads after its {@code await}, so
     * that only the compiler's {@code keepLocals} keeps it across (and the rewritten class differs).
     */
    public static final String KEPT = """
            package demo;

            import org.jasyncio.Async;
            import org.jasyncio.AsyncIO;
            import org.jasyncio.Task;

            public class Kept {
                @Async
                static Task<Void> work() {
                    int before = 41;
                    AsyncIO.await(AsyncIO.sleep(0.001));
                    return Task.completed();
                }
            }
            """;

    /** {@code demo.Greeter}: {@code run(name)} returns {@code "hello " + name}; {@code main} prints it for "world". */
    public static final String GREETER = """
            package demo;

            import org.jasyncio.Async;
            import org.jasyncio.AsyncIO;
            import org.jasyncio.Task;

            public class Greeter {
                @Async
                public static Task<String> greet(String name) {
                    AsyncIO.await(AsyncIO.sleep(0.001));
                    return Task.completed("hello " + name);
                }

                public static String run(String name) {
                    return AsyncIO.run(() -> greet(name));
                }

                public static void main(String[] args) {
                    System.out.println(run("world"));
                }
            }
            """;

    /**
     * {@code demo.Refused}: the compiler refuses {@code notAsync} at line 10, {@code locked} at
     * line 16 and {@code notTask}; {@code main} prints {@code refused: } and the message of the
     * exception the unrewritten {@code await} throws. Line numbers matter: tests expect each
     * refusal at the line of its {@code await}.
     */
    public static final String REFUSED = """
            package demo;

            import org.jasyncio.Async;
            import org.jasyncio.AsyncIO;
            import org.jasyncio.Future;
            import org.jasyncio.Task;

            public class Refused {
                static String notAsync(Future<String> f) {
                    return AsyncIO.await(f);
                }

                @Async
                static Task<String> locked(Future<String> f) {
                    synchronized (Refused.class) {
                        return Task.completed(AsyncIO.await(f));
                    }
                }

                @Async
                static String notTask() {
                    return "no task";
                }

                public static void main(String[] args) {
                    try {
                        notAsync(AsyncIO.newEventLoop().createFuture());
                        System.out.println("await did not throw");
                    } catch (IllegalStateException expected) {
                        System.out.println("refused: " + expected.getMessage());
                    }
                }
            }
            """;

    /** {@code demo.Plain}: nothing to rewrite. */
    public static final String PLAIN = """
            package demo;

            public class Plain {
                public static String hello() {
                    return "plain";
                }
            }
            """;

    /** The three sources by path, ready for {@link JavaSources#compile}. */
    public static Map<String, String> all() {
        return Map.of("demo/Greeter.java", GREETER, "demo/Refused.java", REFUSED, "demo/Plain.java", PLAIN);
    }
}
