package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jasyncio.AsyncIO;
import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code await} anywhere in an expression, with values of every type on the operand stack and in locals. */
class ExpressionsTest {

    static final String SOURCE = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;

            public class Expr {
                record Pair(Object a, Object b) {}

                static int digits(int a, int b, int c) { return a * 100 + b * 10 + c; }

                static String fmt(long l, double d, float f, boolean z, byte b, char c, short s, String str, int[] arr, Object nul, int i) {
                    return l + "," + d + "," + f + "," + z + "," + b + "," + c + "," + s + "," + str + "," + arr.length + "," + nul + "," + i;
                }

                @Async public static Task<Integer> arguments() {
                    int r = digits(1, await(Later.value(2)), 3);
                    return Task.completed(r);
                }

                @Async public static Task<String> concat(String name, int n) {
                    String s = "hello " + name + " #" + await(Later.value(n)) + "!" + await(Later.value('x'));
                    return Task.completed(s);
                }

                @Async public static Task<int[]> arrays() {
                    int[] a = new int[3];
                    a[await(Later.value(1))] = await(Later.value(42));
                    a[0] = a[1] + await(Later.value(7));
                    return Task.completed(a);
                }

                @Async public static Task<Long> arithmetic(long base) {
                    long x = base * await(Later.value(3L)) + (await(Later.value(4)) << 2) - Integer.MAX_VALUE;
                    int overflow = Integer.MAX_VALUE + await(Later.value(1));
                    return Task.completed(x + overflow);
                }

                @Async public static Task<String> ternary(boolean flag) {
                    String s = flag ? await(Later.value("yes")) : "no" + await(Later.value(1));
                    return Task.completed(s + (await(Later.value(flag)) ? 1 : 0));
                }

                @Async public static Task<String> construct() {
                    Pair p = new Pair("a", await(Later.value("b")));
                    Pair q = new Pair(new Pair(await(Later.value(1)), null),
                            new StringBuilder("x").append(await(Later.value("y"))).toString());
                    return Task.completed(p + "|" + q);
                }

                @Async public static Task<Integer> nested() {
                    int r = await(Later.value(await(Later.value(5)) + await(Later.value(6))));
                    return Task.completed(r);
                }

                @Async public static Task<String> locals(int i, long l, float f, double d, boolean z, byte b, char c,
                                                         short s, String str, int[] arr, Object nul) {
                    await(Later.value(0));
                    i += 1; l += 1; f += 0.5f; d += 0.25; z = !z; b++; c++; s++;
                    await(Later.value(0));
                    return Task.completed(i + "," + l + "," + f + "," + d + "," + z + "," + b + "," + c + "," + s
                            + "," + str + "," + arr.length + "," + nul);
                }

                @Async public static Task<String> stack() {
                    String s = fmt(1L << 40, 2.5, 3.5f, true, (byte) -4, 'c', (short) 600, "str", new int[2], null,
                            await(Later.value(9)));
                    return Task.completed(s);
                }

                @Async public static Task<Integer> doneOnly() {
                    int a = await(Later.done(1));
                    int b = await(Later.done(2));
                    return Task.completed(a + b);
                }
            }
            """;

    static Fixtures fx;

    @BeforeAll
    static void compile() {
        fx = Fixtures.compile("Expr", SOURCE).load();
    }

    @Test
    void awaitAsAMethodArgument() {
        assertEquals(123, (int) fx.run("fx.Expr", "arguments"));
    }

    @Test
    void awaitInStringConcatenation() {
        assertEquals("hello ann #7!x", fx.run("fx.Expr", "concat", "ann", 7));
    }

    @Test
    void awaitAsArrayIndexAndValue() {
        assertArrayEquals(new int[] {49, 42, 0}, fx.run("fx.Expr", "arrays"));
    }

    @Test
    void awaitInArithmeticWithOverflow() {
        long expected = 10L * 3 + (4 << 2) - Integer.MAX_VALUE + Integer.MIN_VALUE;
        assertEquals(expected, (long) fx.run("fx.Expr", "arithmetic", 10L));
    }

    @Test
    void awaitInTernaries() {
        assertEquals("yes1", fx.run("fx.Expr", "ternary", true));
        assertEquals("no10", fx.run("fx.Expr", "ternary", false));
    }

    @Test
    void awaitInConstructorArgumentsWithUninitialisedObjectsOnTheStack() {
        assertEquals("Pair[a=a, b=b]|Pair[a=Pair[a=1, b=null], b=xy]", fx.run("fx.Expr", "construct"));
    }

    @Test
    void nestedAwaitsInOneExpression() {
        assertEquals(11, (int) fx.run("fx.Expr", "nested"));
    }

    @Test
    void localsOfEveryTypeSurviveSuspensions() {
        assertEquals("2,3,2.0,2.25,false,-127,b,-32767,s,4,null",
                fx.run("fx.Expr", "locals", 1, 2L, 1.5f, 2.0, true, (byte) -128, 'a', (short) -32768, "s",
                        new int[4], null));
    }

    @Test
    void stackValuesOfEveryTypeSurviveASuspension() {
        assertEquals((1L << 40) + ",2.5,3.5,true,-4,c,600,str,2,null,9", fx.run("fx.Expr", "stack"));
    }

    @Test
    void awaitOfDoneFuturesNeverSuspends() {
        int result = AsyncIO.run(() -> {
            Task<?> task = (Task<?>) fx.call("fx.Expr", "doneOnly");
            assertTrue(task.done(), "a body awaiting only done futures finishes in the call");
            assertFalse(task instanceof Coroutine, "no coroutine is allocated when nothing suspends");
            @SuppressWarnings("unchecked")
            Task<Integer> typed = (Task<Integer>) task;
            return typed;
        });
        assertEquals(3, result);
    }
}
