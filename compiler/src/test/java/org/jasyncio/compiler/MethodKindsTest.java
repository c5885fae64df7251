package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of method and class that may hold an {@code @Async} method. */
class MethodKindsTest {

    static final String SOURCE = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;
            import java.util.*;

            public class Kinds {
                private final String name;
                public Kinds(String name) { this.name = name; }

                @Async public Task<String> instance(String suffix) {
                    String s = await(Later.value(name));
                    return Task.completed(s + suffix + this.name.length());
                }

                @Async private static Task<Integer> privateStatic(int x) {
                    return Task.completed(await(Later.value(x)) * 2);
                }

                @Async public static <T extends Comparable<T>> Task<T> generic(T a, T b) {
                    T x = await(Later.value(a));
                    return Task.completed(x.compareTo(b) >= 0 ? x : b);
                }

                @Async public static Task<Integer> varargs(int... values) {
                    int sum = 0;
                    for (int v : values) sum += await(Later.value(v));
                    return Task.completed(sum);
                }

                @Async public static Task<Integer> fib(int n) {
                    if (n < 2) return Task.completed(n);
                    return Task.completed(await(fib(n - 1)) + await(fib(n - 2)));
                }

                @Async public static Task<String> delegates() {
                    await(Later.value(0));
                    return privateStaticAsString();
                }

                @Async static Task<String> privateStaticAsString() {
                    return Task.completed("delegated " + await(privateStatic(21)));
                }

                public interface Greeter {
                    String name();
                    @Async default Task<String> greet() {
                        return Task.completed("hi " + await(Later.value(name())));
                    }
                    @Async static Task<String> make(String n) {
                        Greeter g = () -> n;
                        return Task.completed(await(g.greet()) + "!");
                    }
                }

                public enum Op {
                    DOUBLE { @Async @Override Task<Integer> apply(int x) { return Task.completed(await(Later.value(x)) * 2); } },
                    SQUARE { @Async @Override Task<Integer> apply(int x) { return Task.completed(await(Later.value(x)) * x); } };
                    abstract Task<Integer> apply(int x);
                }

                public record Point(int x, int y) {
                    @Async public Task<Integer> sum() { return Task.completed(x + await(Later.value(y))); }
                }

                public class Inner {
                    @Async public Task<String> outerName() { return Task.completed(await(Later.value(name)) + "-inner"); }
                }

                @Async public static Task<List<String>> localAndAnonymous() {
                    class Local {
                        @Async Task<String> run(String s) { return Task.completed(await(Later.value(s)) + "-local"); }
                    }
                    Object anonymous = new Object() {
                        @Async public Task<String> run(String s) { return Task.completed(await(Later.value(s)) + "-anon"); }
                        @Override public String toString() { return "anon"; }
                    };
                    String a = await(new Local().run("l"));
                    return Task.completed(List.of(a, anonymous.toString()));
                }

                @Async public static Task<String> all() {
                    Kinds k = new Kinds("kinds");
                    List<Object> out = new ArrayList<>();
                    out.add(await(k.instance("!")));
                    out.add(await(privateStatic(4)));
                    out.add(await(generic("b", "a")));
                    out.add(await(varargs(1, 2, 3)));
                    out.add(await(fib(12)));
                    out.add(await(delegates()));
                    out.add(await(Greeter.make("bob")));
                    out.add(await(Op.DOUBLE.apply(5)) + await(Op.SQUARE.apply(5)));
                    out.add(await(new Point(3, 4).sum()));
                    out.add(await(k.new Inner().outerName()));
                    out.add(await(localAndAnonymous()));
                    return Task.completed(out.toString());
                }
            }
            """;

    static Fixtures fx;

    @BeforeAll
    static void compile() {
        fx = Fixtures.compile("Kinds", SOURCE).load();
    }

    @Test
    void everyKindOfMethodRuns() {
        assertEquals(List.of("kinds!5", 8, "b", 6, 144, "delegated 42", "hi bob!", 35, 7, "kinds-inner",
                List.of("l-local", "anon")).toString(), fx.run("fx.Kinds", "all"));
    }
}
