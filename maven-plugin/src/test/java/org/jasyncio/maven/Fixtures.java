package org.jasyncio.maven;

import java.util.Map;

/** User code the plugin tests rewrite: one class with an {@code @Async} method, one with refusals, one plain. */
final class Fixtures {

    private Fixtures() {
    }

    static final String GREETER = """
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
            }
            """;

    /** Line numbers matter: the tests expect each refusal at the line of its {@code await}. */
    static final String REFUSED = """
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
            }
            """;

    static final String PLAIN = """
            package demo;

            public class Plain {
                public static String hello() {
                    return "plain";
                }
            }
            """;

    static Map<String, String> all() {
        return Map.of("demo/Greeter.java", GREETER, "demo/Refused.java", REFUSED, "demo/Plain.java", PLAIN);
    }
}
