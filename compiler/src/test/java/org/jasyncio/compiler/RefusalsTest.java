package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jasyncio.AsyncIO;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;

/** The contract's refusals, each naming the class, method, source file and line; each refused method, and only it, left unrewritten. */
class RefusalsTest {

    static final String SOURCE = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;
            import java.util.function.*;

            public class Bad {
                static Object lock = new Object();

                static int notAsync() {
                    return await(Later.value(1));
                }

                @Async static Task<Integer> inSynchronizedBlock() {
                    synchronized (lock) {
                        return Task.completed(await(Later.value(1)));
                    }
                }

                @Async static synchronized Task<Integer> synchronizedMethod() {
                    return Task.completed(1);
                }

                @Async static Task<Integer> inLambda() {
                    Supplier<Integer> s = () -> await(Later.value(1));
                    return Task.completed(s.get());
                }

                @Async Bad() {
                }

                @Async static int notATask() {
                    return 1;
                }

                @Async static Task<Object> methodReference() {
                    Function<Future<Object>, Object> f = AsyncIO::await;
                    return Task.completed(f);
                }
            }
            """;

    @Test
    void everyRefusalIsReportedWithItsPlace() {
        Fixtures fx = Fixtures.compile("Bad", SOURCE).rewrite();
        List<String> reported = fx.errors().stream().map(Diagnostic::toString).toList();
        List<String> expected = List.of(
                "Bad.java:10: fx.Bad.notAsync: await in a method that is not @Async",
                "Bad.java:15: fx.Bad.inSynchronizedBlock: await inside a synchronized block",
                "Bad.java:20: fx.Bad.synchronizedMethod: @Async method is synchronized",
                "Bad.java:28: fx.Bad.<init>: @Async on a constructor",
                "Bad.java:32: fx.Bad.notATask: @Async method returns int",
                "Bad.java:36: fx.Bad.methodReference: AsyncIO::await is used as a method reference",
                "Bad.java:24: fx.Bad.inLambda: await inside a lambda body");
        assertEquals(expected.size(), reported.size(), String.join("\n", reported));
        for (String prefix : expected) {
            assertTrue(reported.stream().anyMatch(r -> r.startsWith(prefix)), "missing: " + prefix + "\nin:\n"
                    + String.join("\n", reported));
        }
        assertTrue(reported.stream().allMatch(r -> r.contains(": ") && r.length() > 80),
                "every refusal says what to do instead");
    }

    @Test
    void aRefusedMethodsAwaitThrowsItsRefusalAndTheOtherMethodsAreRewritten() {
        Fixtures fx = Fixtures.compile("Bad", SOURCE + """
                class Mixed {
                    @Async static Task<Integer> fine() {
                        return Task.completed(await(Later.value(41)) + 1);
                    }

                    @Async static Task<Integer> locked() {
                        synchronized (Bad.lock) {
                            return Task.completed(await(Later.value(1)));
                        }
                    }
                }
                """).loadWithRefusals();
        assertEquals(42, (int) fx.run("fx.Mixed", "fine"));
        IllegalStateException locked = assertThrows(IllegalStateException.class, () -> fx.run("fx.Mixed", "locked"));
        assertTrue(locked.getMessage().startsWith("Bad.java:47: fx.Mixed.locked: await inside a synchronized block; "),
                locked.getMessage());
        IllegalStateException notAsync = assertThrows(IllegalStateException.class,
                () -> AsyncIO.run(() -> Task.completed(fx.call("fx.Bad", "notAsync"))));
        assertTrue(notAsync.getMessage().startsWith("Bad.java:10: fx.Bad.notAsync: await in a method that is not @Async"),
                notAsync.getMessage());
        assertTrue(fx.errors().stream().noneMatch(d -> d.className().equals("fx.Mixed") && d.method().equals("fine")));
    }

    @Test
    void synchronizedRefusalsPointToTheLoopsOwnLocks() {
        Fixtures fx = Fixtures.compile("Bad", SOURCE).rewrite();
        assertTrue(fx.errors().stream().filter(d -> d.message().contains("synchronized"))
                .allMatch(d -> d.message().contains("org.jasyncio.Lock")));
        assertFalse(fx.errors().isEmpty());
    }
}
