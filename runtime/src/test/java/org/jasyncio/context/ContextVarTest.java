package org.jasyncio.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jasyncio.Context;
import org.jasyncio.ContextVar;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code Lib/test/test_context.py}, the tests that apply to the Java API (each runs in a
 * fresh context, as CPython's {@code isolated_context} does). Not ported: argument type checks,
 * subclassing and hashing (Java's types do those), the HAMT's internals, and the {@code with ctx:}
 * form (Java has {@code run} only).
 */
class ContextVarTest {

    private static <T> T isolated(java.util.concurrent.Callable<T> test) {
        return new Context().run(test);
    }

    @Test
    void nameAndRepr() {
        ContextVar<Integer> a = new ContextVar<>("a");
        assertEquals("a", a.getName());
        assertEquals("<ContextVar name='a'>", a.toString());
        assertEquals("<ContextVar name='a' default=123>", new ContextVar<>("a", 123).toString());
        assertEquals("<ContextVar name='a' default='x'>", new ContextVar<>("a", "x").toString());
    }

    @Test
    void tokenReprSaysWhenItWasUsed() {
        isolated(() -> {
            ContextVar<Integer> c = new ContextVar<>("a");
            ContextVar.Token<Integer> t = c.set(1);
            assertEquals("<Token var=<ContextVar name='a'>>", t.toString());
            c.reset(t);
            assertEquals("<Token used var=<ContextVar name='a'>>", t.toString());
            return null;
        });
    }

    @Test
    void copyContextIsAContext() {
        assertTrue(Context.copyContext() instanceof Context);
    }

    @Test
    void runReturnsTheResultAndPropagatesExceptions() {
        Context ctx = new Context();
        assertEquals("bar", ctx.run(() -> "bar"));
        assertThrows(ArithmeticException.class, () -> ctx.run(() -> 1 / 0));
        // a checked exception passes unwrapped, as await does
        Exception checked = new java.io.IOException("disk");
        Exception thrown = assertThrows(Exception.class, () -> ctx.run(() -> {
            throw checked;
        }));
        assertSame(checked, thrown);
    }

    /** test_context_run_4. */
    @Test
    void runEntersTheContextAndLeavesIt() {
        isolated(() -> {
            Context ctx1 = new Context();
            Context ctx2 = new Context();
            ContextVar<String> var = new ContextVar<>("var");
            Context returned = ctx1.run(() -> {
                assertNull(var.get(null));
                var.set("spam");
                ctx2.run(() -> assertNull(var.get(null)));
                assertEquals("spam", var.get(null));
                Context cur = Context.copyContext();
                assertEquals(1, cur.size());
                assertEquals("spam", cur.get(var));
                return cur;
            });
            assertEquals("spam", returned.get(var));
            assertTrue(returned.containsKey(var));
            assertEquals("spam", ctx1.get(var));
            assertNull(var.get(null));
            return null;
        });
    }

    /** test_context_run_5. */
    @Test
    void aFailingRunLeavesTheCallersContextAsItWas() {
        Context ctx = new Context();
        ContextVar<String> var = new ContextVar<>("var");
        assertThrows(ArithmeticException.class, () -> ctx.run(() -> {
            assertNull(var.get(null));
            var.set("spam");
            return 1 / 0;
        }));
        assertNull(var.get(null));
        assertEquals("spam", ctx.get(var));
    }

    /** test_context_run_6. */
    @Test
    void contextGetSeesWhatRunSets() {
        Context ctx = new Context();
        ContextVar<Integer> c = new ContextVar<>("a", 0);
        ctx.run(() -> {
            assertEquals(0, c.get());
            assertNull(ctx.get(c));
            c.set(42);
            assertEquals(42, c.get());
            assertEquals(42, ctx.get(c));
        });
    }

    /** test_context_run_7. */
    @Test
    void aContextCannotBeEnteredTwice() {
        Context ctx = new Context();
        ctx.run(() -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ctx.run(() -> {
            }));
            assertTrue(e.getMessage().contains("is already entered"), e.getMessage());
        });
    }

    /** test_context_getset_1. */
    @Test
    void setGetResetAndTokens() {
        isolated(() -> {
            ContextVar<Object> c = new ContextVar<>("c");
            assertThrows(NoSuchElementException.class, c::get);
            assertNull(c.get(null));

            ContextVar.Token<Object> t0 = c.set(42);
            assertEquals(42, c.get());
            assertEquals(42, c.get(null));
            assertSame(ContextVar.Token.MISSING, t0.getOldValue());
            assertSame(c, t0.getVar());

            ContextVar.Token<Object> t = c.set("spam");
            assertEquals("spam", c.get());
            assertEquals(42, t.getOldValue());
            c.reset(t);
            assertEquals(42, c.get());

            c.set("spam2");
            IllegalStateException used = assertThrows(IllegalStateException.class, () -> c.reset(t));
            assertTrue(used.getMessage().contains("has already been used once"), used.getMessage());
            assertEquals("spam2", c.get());

            Context ctx1 = Context.copyContext();
            assertTrue(ctx1.containsKey(c));

            c.reset(t0);
            assertThrows(IllegalStateException.class, () -> c.reset(t0));
            assertNull(c.get(null));

            assertTrue(ctx1.containsKey(c));
            assertEquals("spam2", ctx1.get(c));
            assertEquals("spam2", ctx1.get(c, "aa"));
            assertEquals(1, ctx1.size());
            assertEquals(Map.of(c, "spam2"), ctx1.toMap());

            Context ctx2 = Context.copyContext();
            assertFalse(ctx2.containsKey(c));
            assertEquals("aa", ctx2.get(c, "aa"));
            assertEquals(0, ctx2.size());
            assertEquals(Map.of(), ctx2.toMap());
            return null;
        });
    }

    /** test_context_getset_2. */
    @Test
    void aTokenOfAnotherVariableIsRefused() {
        isolated(() -> {
            ContextVar<Object> v1 = new ContextVar<>("v1");
            ContextVar<Object> v2 = new ContextVar<>("v2");
            ContextVar.Token<Object> t1 = v1.set(42);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v2.reset(t1));
            assertTrue(e.getMessage().contains("by a different"), e.getMessage());
            return null;
        });
    }

    /** test_context_getset_3. */
    @Test
    void resetRemovesAVariableThatHadNoValue() {
        ContextVar<Integer> c = new ContextVar<>("c", 42);
        Context ctx = new Context();
        ctx.run(() -> {
            assertEquals(42, c.get());
            assertNull(ctx.get(c));
            assertEquals(7, ctx.get(c, 7));
            assertFalse(ctx.containsKey(c));
            ContextVar.Token<Integer> t = c.set(1);
            assertEquals(Map.of(c, 1), ctx.toMap());
            c.reset(t);
            assertEquals(Map.of(), ctx.toMap());
            assertFalse(ctx.containsKey(c));
        });
    }

    /** test_context_getset_4. */
    @Test
    void aTokenOfAnotherContextIsRefused() {
        isolated(() -> {
            ContextVar<Integer> c = new ContextVar<>("c", 42);
            Context ctx = new Context();
            ContextVar.Token<Integer> tok = ctx.run(() -> c.set(1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.reset(tok));
            assertTrue(e.getMessage().contains("different Context"), e.getMessage());
            return null;
        });
    }

    /** test_context_getset_5. */
    @Test
    void aCopyDoesNotSeeLaterSets() {
        isolated(() -> {
            ContextVar<List<Integer>> c = new ContextVar<>("c", new ArrayList<>());
            c.set(new ArrayList<>());
            Context.copyContext().run(() -> {
                c.set(new ArrayList<>());
                c.get().add(42);
                assertEquals(List.of(42), c.get());
            });
            assertEquals(List.of(), c.get());
            return null;
        });
    }

    /** test_context_copy_1. */
    @Test
    void copiesChangeIndependently() {
        Context ctx1 = new Context();
        ContextVar<Integer> c = new ContextVar<>("c", 42);
        ctx1.run(() -> {
            c.set(10);
            Context ctx2 = ctx1.copy();
            assertNotSame(ctx1, ctx2);
            assertEquals(10, ctx2.get(c));
            c.set(20);
            assertEquals(20, ctx1.get(c));
            assertEquals(10, ctx2.get(c));
            ctx2.run(() -> {
                assertEquals(10, c.get());
                c.set(30);
                assertEquals(30, c.get());
            });
            assertEquals(20, ctx1.get(c));
            assertEquals(30, ctx2.get(c));
        });
    }

    /** test_context_threads_1: each thread has a context of its own. */
    @Test
    void eachThreadHasItsOwnContext() throws Exception {
        ContextVar<Integer> cvar = new ContextVar<>("cvar");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CyclicBarrier together = new CyclicBarrier(10);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                int num = n;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        cvar.set(num + i);
                        together.await(10, TimeUnit.SECONDS);   // every thread has set before any reads
                        assertEquals(num + i, cvar.get());
                        together.await(10, TimeUnit.SECONDS);
                    }
                    return num;
                }));
            }
            for (int n = 0; n < 10; n++) {
                assertEquals(n, results.get(n).get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nullIsAValue() {
        isolated(() -> {
            ContextVar<String> c = new ContextVar<>("c", "default");
            c.set(null);
            assertNull(c.get());
            assertTrue(Context.copyContext().containsKey(c));
            return null;
        });
    }

    @Test
    void aCopyOfALargeContextKeepsEveryValue() {
        isolated(() -> {
            List<ContextVar<Integer>> vars = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ContextVar<Integer> var = new ContextVar<>("v" + i);
                var.set(i);
                vars.add(var);
            }
            Context copy = Context.copyContext();
            vars.get(50).set(-1);
            assertEquals(100, copy.size());
            for (int i = 0; i < 100; i++) {
                assertEquals(i, copy.get(vars.get(i)));
            }
            assertEquals(-1, vars.get(50).get());
            return null;
        });
    }
}
