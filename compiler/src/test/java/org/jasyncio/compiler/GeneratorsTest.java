package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @Async} methods returning {@code AsyncIterator}: async generators (docs/iteration.md),
 * rewritten into an entry calling {@code AsyncIterator.generate} and an {@code @Async} body, and
 * run on a loop with their consumers.
 */
class GeneratorsTest {

    static final String SOURCE = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;
            import java.util.*;

            public class Gen {
                public static final List<String> LOG = new ArrayList<>();
                private final String prefix;
                public Gen(String prefix) { this.prefix = prefix; }

                @Async public static AsyncIterator<Integer> upTo(int n) {
                    for (int i = 1; i <= n; i++) {
                        LOG.add("emit " + i);
                        await(emit(await(Later.value(i))));
                    }
                    LOG.add("end");
                    return AsyncIterator.end();
                }

                @Async public static <T extends Comparable<T>> AsyncIterator<T> sorted(List<T> items) {
                    List<T> copy = new ArrayList<>(items);
                    Collections.sort(copy);
                    for (T item : copy) await(emit(item));
                    return AsyncIterator.end();
                }

                @Async public AsyncIterator<String> oddLabelled(AsyncIterator<Integer> source) {
                    try {
                        while (await(source.hasNext())) {
                            int v = source.next();
                            if (v % 2 == 0) continue;
                            await(emit(prefix + v));
                        }
                    } finally {
                        await(source.close());
                        LOG.add("closed source");
                    }
                    return AsyncIterator.end();
                }

                @Async public static AsyncIterator<Integer> guarded() {
                    try {
                        await(emit(1));
                        await(emit(2));
                        return AsyncIterator.end();
                    } finally {
                        await(Later.value(0));
                        LOG.add("finally");
                    }
                }

                @Async public static AsyncIterator<Integer> failing() {
                    await(emit(1));
                    await(Later.value(0));
                    throw new IllegalArgumentException("bad element");
                }

                @Async public static Task<List<Object>> drain(AsyncIterator<?> it) {
                    List<Object> out = new ArrayList<>();
                    for (; await(it.hasNext()); ) {
                        Object element = it.next();
                        LOG.add("got " + element);
                        out.add(element);
                    }
                    return Task.completed(out);
                }

                @Async public static Task<List<String>> lazily() {
                    AsyncIterator<Integer> numbers = upTo(2);
                    LOG.add("created");
                    await(drain(numbers));
                    return Task.completed(LOG);
                }

                @Async public static Task<List<Object>> composed() {
                    return drain(new Gen("#").oddLabelled(upTo(5)));
                }

                @Async public static Task<List<Object>> sortedWords() {
                    return drain(sorted(List.of("pear", "apple", "fig")));
                }

                @Async public static Task<List<String>> closedAfterFirst() {
                    AsyncIterator<Integer> it = guarded();
                    await(it.hasNext());
                    LOG.add("got " + it.next());
                    await(it.close());
                    LOG.add("closed");
                    return Task.completed(LOG);
                }

                @Async public static Task<List<String>> toTheEnd() {
                    LOG.add("drained " + await(drain(guarded())));
                    return Task.completed(LOG);
                }

                public interface Counter {
                    int step();
                    @Async default AsyncIterator<Integer> counting(int n) {
                        for (int i = 0; i < n; i++) await(emit(await(Later.value(i * step()))));
                        return AsyncIterator.end();
                    }
                    @Async static AsyncIterator<Integer> of(int... values) {
                        for (int v : values) await(emit(v));
                        return AsyncIterator.end();
                    }
                }

                public interface Source<T> {
                    AsyncIterator<String> items(T argument);
                }

                /** Implements a generic interface: javac adds a bridge {@code items(Object)}, with a copy of {@code @Async}. */
                public static final class Twice implements Source<String> {
                    @Async public AsyncIterator<String> items(String argument) {
                        await(emit(argument));
                        await(emit(await(Later.value(argument))));
                        return AsyncIterator.end();
                    }
                }

                @Async public static Task<List<Object>> fromInterfaces() {
                    Counter byThree = () -> 3;
                    List<Object> all = new ArrayList<>(await(drain(byThree.counting(3))));
                    all.addAll(await(drain(Counter.of(7, 8))));
                    Source<String> source = new Twice();
                    all.addAll(await(drain(source.items("x"))));
                    return Task.completed(all);
                }

                @Async public static Task<String> failure() {
                    try {
                        await(drain(failing()));
                        return Task.completed("no failure");
                    } catch (IllegalArgumentException e) {
                        return Task.completed(e.getMessage() + " at " + e.getStackTrace()[0].getFileName() + ":"
                                + e.getStackTrace()[0].getLineNumber() + ", " + LOG);
                    }
                }
            }
            """;

    static Fixtures fx;

    @BeforeAll
    static void compile() {
        fx = Fixtures.compile("Gen", SOURCE).load();
    }

    @BeforeEach
    void clearLog() {
        fx.<List<String>>staticField("fx.Gen", "LOG").clear();
    }

    @Test
    void nothingRunsAheadOfTheConsumer() {
        assertEquals(List.of("created", "emit 1", "got 1", "emit 2", "got 2", "end"), fx.run("fx.Gen", "lazily"));
    }

    @Test
    void anInstanceGeneratorConsumesAnother() {
        assertEquals(List.of("#1", "#3", "#5"), fx.run("fx.Gen", "composed"));
        assertEquals(List.of("emit 1", "got #1", "emit 2", "emit 3", "got #3", "emit 4", "emit 5", "got #5", "end",
                "closed source"), fx.staticField("fx.Gen", "LOG"));
    }

    @Test
    void aGenericGeneratorKeepsItsTypes() {
        assertEquals(List.of("apple", "fig", "pear"), fx.run("fx.Gen", "sortedWords"));
    }

    @Test
    void generatorsOfInterfacesAndThroughABridge() {
        assertEquals(List.of(0, 3, 6, 7, 8, "x", "x"), fx.run("fx.Gen", "fromInterfaces"));
    }

    @Test
    void closingAnUnfinishedGeneratorRunsItsFinallyBeforeCloseCompletes() {
        assertEquals(List.of("got 1", "finally", "closed"), fx.run("fx.Gen", "closedAfterFirst"));
    }

    @Test
    void aReturnInsideTryFinallyEndsTheGeneratorAfterItsFinally() {
        assertEquals(List.of("got 1", "got 2", "finally", "drained [1, 2]"), fx.run("fx.Gen", "toTheEnd"));
    }

    @Test
    void theGeneratorsExceptionComesOutOfHasNextWithItsLine() {
        assertEquals("bad element at Gen.java:" + (lineOf("throw new IllegalArgumentException") + 1) + ", [got 1]",
                fx.run("fx.Gen", "failure"));
    }

    @Test
    void rewritingTwiceChangesNothing() {
        byte[] once = fx.rewritten("fx/Gen");
        Result again = new AsyncCompiler(fx::classBytes).rewrite(once);
        assertSame(once, again.bytes());
        assertFalse(again.changed());
    }

    static final String REFUSED = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;

            public class BadGen {
                @Async static AsyncIterator<Integer> delegates(AsyncIterator<Integer> other) {
                    await(emit(1));
                    return other;
                }

                @Async static AsyncIterator<Integer> endsOrDelegates(boolean end, AsyncIterator<Integer> other) {
                    AsyncIterator<Integer> result = end ? AsyncIterator.end() : other;
                    return result;
                }

                @Async static String notAnIterator() {
                    return "";
                }

                @Async static Task<Integer> count() {
                    int n = 0;
                    for (AsyncIterator<Integer> it = one(); await(it.hasNext()); it.next()) n++;
                    return Task.completed(n);
                }

                @Async static AsyncIterator<Integer> one() {
                    await(emit(1));
                    return AsyncIterator.end();
                }

                @Async static synchronized AsyncIterator<Integer> locked() {
                    await(emit(1));
                    return AsyncIterator.end();
                }
            }
            """;

    @Test
    void aGeneratorReturningAnythingButEndOrSynchronizedIsRefusedAtThatLineAndTheOthersAreRewritten() {
        Fixtures bad = Fixtures.compile("BadGen", REFUSED).loadWithRefusals();
        String reason = "return of a value other than AsyncIterator.end() in an async generator; an async generator "
                + "ends with return AsyncIterator.end()";
        List<String> errors = bad.errors().stream().map(Diagnostic::toString).toList();
        assertEquals(4, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(0).startsWith("BadGen.java:8: fx.BadGen.delegates: " + reason), errors.get(0));
        assertTrue(errors.get(1).startsWith("BadGen.java:13: fx.BadGen.endsOrDelegates: " + reason), errors.get(1));
        assertTrue(errors.get(2).startsWith("BadGen.java:17: fx.BadGen.notAnIterator: @Async method returns "
                + "java.lang.String; an @Async method must return org.jasyncio.Task (return Task.completed(value)) "
                + "or, as an async generator, org.jasyncio.AsyncIterator"), errors.get(2));
        assertTrue(errors.get(3).startsWith("BadGen.java:32: fx.BadGen.locked: @Async method is synchronized"),
                errors.get(3));
        assertEquals(1, (int) bad.run("fx.BadGen", "count"));
    }

    /** Class file version 52: the body of a default generator is a private interface method, as javac's lambdas are. */
    @Test
    void generatorsCompiledForJava8() {
        String source = """
                package fx;
                import org.jasyncio.*;
                import static org.jasyncio.AsyncIO.*;
                import java.util.*;

                public class Java8 {
                    interface Counter {
                        int step();
                        @Async default AsyncIterator<Integer> counting(int n) {
                            try {
                                for (int i = 0; i < n; i++) await(emit(await(Later.value(i * step()))));
                            } finally {
                                await(Later.value(0));
                            }
                            return AsyncIterator.end();
                        }
                    }

                    @Async public static Task<List<Integer>> counted() {
                        Counter byTwo = () -> 2;
                        List<Integer> all = new ArrayList<Integer>();
                        for (AsyncIterator<Integer> it = byTwo.counting(3); await(it.hasNext()); ) all.add(it.next());
                        return Task.completed(all);
                    }
                }
                """;
        Fixtures java8 = Fixtures.compile(Map.of("fx.Java8", source), "8").load();
        assertEquals(List.of(0, 2, 4), java8.run("fx.Java8", "counted"));
    }

    private static int lineOf(String text) {
        List<String> lines = SOURCE.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text);
    }
}
