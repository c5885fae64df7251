package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/** Lambdas whose functional interface method returns Task are @Async bodies (API.md, "Lambdas that await"). */
class LambdasTest {

    static final String SOURCE = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;
            import java.util.function.*;

            public class Lambdas {
                final int base = 100;

                @Async public static Task<Integer> capturingLocals(int a) {
                    int b = a * 2;
                    Task<Integer> t = createTask(() -> {
                        int x = await(Later.value(a));
                        return Task.completed(x + b);
                    });
                    return Task.completed(await(t) + 1);
                }

                @Async public Task<Integer> capturingThis() {
                    Supplier<Task<Integer>> s = () -> Task.completed(await(Later.value(1)) + base);
                    return Task.completed(await(s.get()));
                }

                @Async public static Task<Integer> onAnInstance() {
                    return new Lambdas().capturingThis();
                }

                @Async public static Task<Integer> nested() {
                    Supplier<Task<Integer>> outer = () -> {
                        Supplier<Task<Integer>> inner = () -> Task.completed(await(Later.value(20)) + 1);
                        return Task.completed(await(inner.get()) + await(Later.value(1)));
                    };
                    return outer.get();
                }

                @Async public static <T extends Comparable<T>> Task<T> generic(T a, T b) {
                    BiFunction<T, T, Task<T>> max = (x, y) -> {
                        T first = await(Later.value(x));
                        return Task.completed(first.compareTo(y) >= 0 ? first : y);
                    };
                    return max.apply(a, b);
                }

                public interface Job {
                    Task<String> run(String in);
                }

                @Async public static Task<String> ownInterface() {
                    Job job = in -> Task.completed(in + await(Later.value("!")));
                    return job.run("hi");
                }

                public interface Greeter {
                    String name();

                    default Task<String> greet(String greeting) {
                        Supplier<Task<String>> s = () -> Task.completed(greeting + " " + await(Later.value(name())));
                        return s.get();
                    }
                }

                static final class World implements Greeter {
                    public String name() {
                        return "world";
                    }
                }

                @Async public static Task<String> inADefaultMethod() {
                    return new World().greet("hello");
                }

                public static int fromPlainCode() {
                    return AsyncIO.run(() -> Task.completed(await(Later.value(5)) * 2));
                }

                @Async public static Task<Integer> failing() {
                    Supplier<Task<Integer>> s = () -> {
                        await(Later.value(0));
                        throw new IllegalStateException("failed in a lambda");
                    };
                    Task<Integer> t = s.get();
                    try {
                        return Task.completed(await(t));
                    } catch (IllegalStateException e) {
                        return Task.completed(e.getMessage().length());
                    }
                }

                static final boolean DEBUG = false;

                @Async public static Task<Integer> deadCode() {
                    if (DEBUG) {
                        Supplier<Integer> never = () -> await(Later.value(1));
                        never.get();
                    }
                    return Task.completed(1);
                }

                public static Supplier<Task<Integer>> withoutAwait() {
                    return () -> Task.completed(7);
                }
            }
            """;

    static Fixtures fx;

    @BeforeAll
    static void compile() {
        fx = Fixtures.compile("Lambdas", SOURCE).load();
    }

    @Test
    void aLambdaCapturingLocalsAwaits() {
        assertEquals(3 + 6 + 1, (int) fx.run("fx.Lambdas", "capturingLocals", 3));
    }

    @Test
    void aLambdaCapturingThisAwaits() {
        assertEquals(101, (int) fx.run("fx.Lambdas", "onAnInstance"));
    }

    @Test
    void nestedLambdasAwait() {
        assertEquals(22, (int) fx.run("fx.Lambdas", "nested"));
    }

    @Test
    void aLambdaInAGenericMethodAwaits() {
        assertEquals("pear", fx.run("fx.Lambdas", "generic", "apple", "pear"));
        assertEquals("plum", fx.run("fx.Lambdas", "generic", "plum", "apple"));
    }

    @Test
    void aLambdaOfAnyFunctionalInterfaceReturningTaskAwaits() {
        assertEquals("hi!", fx.run("fx.Lambdas", "ownInterface"));
    }

    @Test
    void aLambdaInAnInterfaceDefaultMethodAwaits() {
        assertEquals("hello world", fx.run("fx.Lambdas", "inADefaultMethod"));
    }

    @Test
    void aLambdaPassedToRunFromPlainCodeAwaits() {
        assertEquals(10, fx.call("fx.Lambdas", "fromPlainCode"));
    }

    @Test
    void anExceptionEscapingALambdaFailsItsTask() {
        assertEquals("failed in a lambda".length(), (int) fx.run("fx.Lambdas", "failing"));
    }

    @Test
    void aLambdaInCodeJavacDroppedAsUnreachableIsNeitherRefusedNorRewritten() {
        assertEquals(1, (int) fx.run("fx.Lambdas", "deadCode"));
        ClassNode rewritten = new ClassNode();
        new ClassReader(fx.rewritten("fx/Lambdas")).accept(rewritten, 0);
        // javac 17 still writes the lambda's method (javac 25 does not): nothing creates it, so nothing refuses it.
        assertTrue(rewritten.methods.stream().noneMatch(m -> m.name.startsWith("lambda$deadCode$")
                && m.name.endsWith("$async")));
    }

    @Test
    void onlyLambdasThatAwaitAreRewritten() {
        ClassNode rewritten = new ClassNode();
        new ClassReader(fx.rewritten("fx/Lambdas")).accept(rewritten, 0);
        List<String> bodies = rewritten.methods.stream().map(m -> m.name).filter(n -> n.endsWith("$async")).toList();
        assertTrue(bodies.stream().anyMatch(n -> n.startsWith("lambda$capturingLocals$")), bodies.toString());
        assertEquals(1, bodies.stream().filter(n -> n.startsWith("lambda$nested$")).count() - 1,
                "both nested lambdas: " + bodies);
        assertTrue(bodies.stream().noneMatch(n -> n.startsWith("lambda$withoutAwait$")), bodies.toString());
    }

    static final String REFUSED = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;
            import java.util.function.*;

            public class RefusedLambdas {
                static Object lock = new Object();

                @Async static Task<Integer> notATaskLambda() {
                    Supplier<Integer> s = () -> await(Later.value(1));
                    return Task.completed(s.get());
                }

                @Async static Task<Integer> synchronizedInALambda() {
                    Supplier<Task<Integer>> s = () -> {
                        synchronized (lock) {
                            return Task.completed(await(Later.value(1)));
                        }
                    };
                    return s.get();
                }

                static Task<Integer> nestedInAPlainMethod() {
                    Supplier<Task<Integer>> outer = () -> {
                        Function<Integer, Integer> inner = x -> x + await(Later.value(1));
                        return Task.completed(inner.apply(1));
                    };
                    return outer.get();
                }
            }
            """;

    @Test
    void refusalsInLambdasNameTheMethodTheUserWrote() {
        Fixtures refused = Fixtures.compile("RefusedLambdas", REFUSED).rewrite();
        List<String> reported = refused.errors().stream().map(Diagnostic::toString).toList();
        List<String> expected = List.of(
                "RefusedLambdas.java:10: fx.RefusedLambdas.notATaskLambda: await inside a lambda body; a lambda cannot "
                        + "be @Async",
                "RefusedLambdas.java:17: fx.RefusedLambdas.synchronizedInALambda: await inside a synchronized block",
                "RefusedLambdas.java:25: fx.RefusedLambdas.nestedInAPlainMethod: await inside a lambda body");
        assertEquals(expected.size(), reported.size(), String.join("\n", reported));
        for (String prefix : expected) {
            assertTrue(reported.stream().anyMatch(r -> r.startsWith(prefix)), "missing: " + prefix + "\nin:\n"
                    + String.join("\n", reported));
        }
        assertTrue(reported.stream().allMatch(r -> !r.contains("lambda$")), String.join("\n", reported));
    }
}
