package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** try/catch/finally and try-with-resources across suspensions; exceptions arrive unwrapped. */
class ExceptionsTest {

    static final String SOURCE = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;
            import java.io.IOException;
            import java.util.*;

            public class Errors {
                public static final List<String> log = new ArrayList<>();

                static class Resource implements AutoCloseable {
                    final String name;
                    Resource(String name) { this.name = name; log.add("open " + name); }
                    @Override public void close() { log.add("close " + name); }
                }

                @Async public static Task<String> caught(boolean suspend) {
                    try {
                        log.add("before");
                        String s = await(suspend ? Later.<String>failure(new IOException("boom"))
                                                 : Later.<String>doneFailure(new IOException("boom")));
                        log.add("not reached " + s);
                        return Task.completed("no");
                    } catch (Exception e) {
                        // await declares no checked exceptions, so javac needs the wider catch
                        log.add("caught " + e.getClass().getSimpleName() + " " + e.getMessage());
                        return Task.completed(await(Later.value("recovered")));
                    } finally {
                        log.add("finally");
                    }
                }

                @Async public static Task<Integer> finallyOnce() {
                    int n = 0;
                    for (int i = 0; i < 3; i++) {
                        try {
                            n += await(Later.value(1));
                            if (i == 1) continue;
                            n += 10;
                        } finally {
                            log.add("finally " + i);
                            n += await(Later.value(100));
                        }
                    }
                    return Task.completed(n);
                }

                @Async public static Task<String> resources() throws Exception {
                    try (Resource a = new Resource("a"); Resource b = new Resource(await(Later.value("b")))) {
                        log.add("use " + a.name + b.name + await(Later.value("!")));
                        if (a != null) throw new IllegalStateException("inside");
                    } catch (IllegalStateException e) {
                        log.add("caught " + e.getMessage());
                    }
                    return Task.completed("done");
                }

                @Async public static Task<Void> escapes(Throwable error) throws Throwable {
                    await(Later.value(1));
                    throw error;
                }

                @Async public static Task<Void> escapesBeforeSuspending(Throwable error) throws Throwable {
                    throw error;
                }

                @Async public static Task<String> propagates(Throwable error) {
                    try {
                        await(escapes(error));
                        return Task.completed("no");
                    } catch (Throwable t) {
                        return Task.completed(t == error ? "same" : "other " + t);
                    }
                }
            }
            """;

    static Fixtures fx;

    @BeforeAll
    static void compile() {
        fx = Fixtures.compile("Errors", SOURCE).load();
    }

    private static List<String> log() {
        return fx.staticField("fx.Errors", "log");
    }

    @Test
    void awaitedFailureIsCaughtByTheUsersHandlerAndFinallyRunsOnce() {
        for (boolean suspend : new boolean[] {true, false}) {
            log().clear();
            assertEquals("recovered", fx.run("fx.Errors", "caught", suspend));
            assertEquals(List.of("before", "caught IOException boom", "finally"), log());
        }
    }

    @Test
    void finallyWithAwaitsInLoops() {
        log().clear();
        assertEquals(3 + 20 + 300, (int) fx.run("fx.Errors", "finallyOnce"));
        assertEquals(List.of("finally 0", "finally 1", "finally 2"), log());
    }

    @Test
    void tryWithResourcesAcrossAwaits() {
        log().clear();
        assertEquals("done", fx.run("fx.Errors", "resources"));
        assertEquals(List.of("open a", "open b", "use ab!", "close b", "close a", "caught inside"), log());
    }

    @Test
    void exceptionsEscapeTheTaskUnwrapped() {
        IOException checked = new IOException("checked");
        assertSame(checked, assertThrows(IOException.class, () -> fx.run("fx.Errors", "escapes", checked)));
        IllegalStateException unchecked = new IllegalStateException("unchecked");
        assertSame(unchecked, assertThrows(IllegalStateException.class,
                () -> fx.run("fx.Errors", "escapesBeforeSuspending", unchecked)));
        assertEquals("same", fx.run("fx.Errors", "propagates", checked));
    }
}
