package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A compiled generator consumed by a compiled {@code @Async} loop, both sides ready at every element
 * (docs/iteration.md, "Cost per element"): the hand-over allocates nothing, counted exactly in the
 * bytes the loop's thread allocated, so a future or a box per element coming back fails here.
 */
class GeneratorHandoverTest {
    private static final int ELEMENTS = 10_000;

    static final String SOURCE = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;

            public class Handover {
                static final Integer ELEMENT = 7;

                @Async public static AsyncIterator<Integer> count(int n) {
                    for (int i = 0; i < n; i++) await(emit(ELEMENT));
                    return AsyncIterator.end();
                }

                /** The bytes allocated consuming n elements of a generator, the first (which starts it) apart. */
                @Async public static Task<Long> allocatedFor(int n) {
                    AsyncIterator<Integer> it = count(n + 1);
                    await(it.hasNext());
                    it.next();
                    long before = allocated();
                    int sum = 0;
                    for (int i = 0; i < n && await(it.hasNext()); i++) sum += it.next();
                    long after = allocated();
                    if (sum != n * ELEMENT) throw new IllegalStateException("summed " + sum);
                    await(it.close());
                    return Task.completed(after - before);
                }

                static long allocated() {
                    return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                            .getCurrentThreadAllocatedBytes();
                }
            }
            """;

    static Fixtures fx;

    @BeforeAll
    static void compile() {
        fx = Fixtures.compile("Handover", SOURCE).load();
    }

    @Test
    void anElementHandedOverWhenBothSidesAreReadyAllocatesNothing() {
        fx.run("fx.Handover", "allocatedFor", ELEMENTS);
        long allocated = fx.<Long>run("fx.Handover", "allocatedFor", ELEMENTS);
        assertTrue(allocated < ELEMENTS, "allocated " + allocated + " bytes for " + ELEMENTS
                + " elements; a hand-over should allocate nothing");
    }
}
