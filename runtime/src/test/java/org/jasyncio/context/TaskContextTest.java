package org.jasyncio.context;

import static org.jasyncio.AsyncIO.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jasyncio.AsyncIO;
import org.jasyncio.Context;
import org.jasyncio.ContextVar;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.TaskGroup;
import org.jasyncio.testing.CurrentVirtualLoop;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tasks and callbacks with contexts: CPython's {@code test_tasks.py} context tests
 * ({@code test_context_1} to {@code test_context_6}, {@code test_get_context}) and the rules of the
 * contract ({@code API.md}, "Per-task context"). The bodies are {@link Script}s: hand-compiled
 * {@code @Async} methods that await between stages.
 */
class TaskContextTest {

    @RegisterExtension
    final CurrentVirtualLoop current = new CurrentVirtualLoop();
    private final VirtualTimeLoop loop = current.loop();

    private static Supplier<?> run(Runnable action) {
        return () -> {
            action.run();
            return null;
        };
    }

    /** test_context_1: a task copies its creator's context; neither sees what the other sets later. */
    @Test
    void aTaskRunsInACopyOfItsCreatorsContext() {
        ContextVar<String> cvar = new ContextVar<>("cvar", "nope");
        AtomicReference<Task<?>> subtask = new AtomicReference<>();
        Task<?> main = loop.createTask(() -> Script.run(
                run(() -> {
                    assertEquals("nope", cvar.get());
                    subtask.set(loop.createTask(() -> Script.run(
                            () -> sleep(0.01),
                            run(() -> {
                                assertEquals("nope", cvar.get());
                                cvar.set("something else");
                            }))));
                    cvar.set("yes");
                    assertEquals("yes", cvar.get());
                }),
                subtask::get,
                run(() -> assertEquals("yes", cvar.get()))));
        loop.runUntilComplete(main);
        assertEquals("nope", cvar.get());
    }

    /** test_context_2: a done callback runs in a copy of the task's context and cannot change the task's. */
    @Test
    void doneCallbacksDoNotPolluteTheTasksContext() {
        ContextVar<String> cvar = new ContextVar<>("cvar", "nope");
        List<String> seenByCallbacks = new ArrayList<>();
        List<Supplier<?>> stages = new ArrayList<>();
        stages.add(run(() -> assertEquals("nope", cvar.get())));
        for (int j = 0; j < 2; j++) {
            String yes = "yes" + j;
            AtomicReference<Future<Object>> fut = new AtomicReference<>();
            stages.add(() -> {
                fut.set(loop.createFuture());
                fut.get().addDoneCallback(f -> {
                    seenByCallbacks.add(cvar.get());
                    cvar.set("something else");
                });
                cvar.set(yes);
                loop.callSoon(() -> fut.get().setResult(null));
                return fut.get();
            });
            stages.add(run(() -> assertEquals(yes, cvar.get())));
            for (int i = 0; i < 3; i++) {
                String value = "yes" + i + "-" + j;
                stages.add(() -> {
                    cvar.set(value);
                    return sleep(0.001);
                });
                stages.add(run(() -> assertEquals(value, cvar.get())));
            }
        }
        loop.runUntilComplete(loop.createTask(() -> Script.run(stages.toArray(new Supplier<?>[0]))));
        // each callback was added before the task set "yes<j>": it saw the context of that moment
        assertEquals(List.of("nope", "yes2-0"), seenByCallbacks);
        assertEquals("nope", cvar.get());
    }

    /** test_context_3: 100 tasks interleaved, each setting the variable before each sleep. */
    @Test
    void manyInterleavedTasksEachKeepTheirOwnValue() {
        ContextVar<Integer> cvar = new ContextVar<>("cvar", -1);
        Random random = new Random(3);
        List<Future<?>> tasks = new ArrayList<>();
        loop.runUntilComplete(loop.createTask(() -> Script.run(
                () -> {
                    for (int t = 0; t < 100; t++) {
                        int num = random.nextInt(11);
                        List<Supplier<?>> stages = new ArrayList<>();
                        for (int i = 0; i < 10; i++) {
                            int value = num + i;
                            double delay = 0.001 + random.nextDouble() * 0.049;
                            stages.add(() -> {
                                cvar.set(value);
                                return sleep(delay);
                            });
                            stages.add(run(() -> assertEquals(value, cvar.get())));
                        }
                        tasks.add(loop.createTask(() -> Script.run(stages.toArray(new Supplier<?>[0]))));
                    }
                    return AsyncIO.gather(tasks);
                })));
        for (Future<?> task : tasks) {
            task.result();
        }
        assertEquals(-1, cvar.get());
    }

    /** test_context_4, _5 and _6, and TaskGroup's: a task given a context runs in it, not in a copy. */
    @Test
    void aTaskGivenAContextSetsItsValuesThere() {
        ContextVar<Integer> cvar = new ContextVar<>("cvar");
        List<CreateInContext> ways = List.of(
                (body, ctx) -> loop.createTask(body, ctx),
                (body, ctx) -> AsyncIO.createTask(body, ctx),
                (body, ctx) -> AsyncIO.ensureFuture(body, ctx));
        for (CreateInContext way : ways) {
            List<Integer> ret = new ArrayList<>();
            AtomicReference<Context> ctx = new AtomicReference<>();
            loop.runUntilComplete(loop.createTask(() -> Script.run(
                    run(() -> {
                        ctx.set(Context.copyContext());
                        ret.add(ctx.get().get(cvar));
                    }),
                    () -> way.create(() -> Script.run(() -> sleep(0), run(() -> cvar.set(1))), ctx.get()),
                    run(() -> ret.add(ctx.get().get(cvar))),
                    () -> way.create(() -> Script.run(() -> sleep(0), run(() -> cvar.set(2))), ctx.get()),
                    run(() -> ret.add(ctx.get().get(cvar))))));
            assertEquals(Arrays.asList(null, 1, 2), ret);
        }
    }

    @Test
    void aTaskGroupTaskGivenAContextSetsItsValuesThere() {
        ContextVar<Integer> cvar = new ContextVar<>("cvar");
        Context ctx = new Context();
        loop.runUntilComplete(loop.createTask(() -> Script.run(() -> TaskGroup.run(group -> {
            group.createTask(() -> Script.run(() -> sleep(0), run(() -> cvar.set(1))), null, ctx);
            return Task.completed();
        }))));
        assertEquals(1, ctx.get(cvar));
        assertNull(cvar.get(null));
    }

    @FunctionalInterface
    private interface CreateInContext {
        Task<?> create(Supplier<? extends Task<List<Object>>> body, Context context);
    }

    /** test_get_context. */
    @Test
    void getContextIsTheContextTheTaskRunsIn() {
        Context context = Context.copyContext();
        Task<?> task = loop.createTask(() -> Script.run(() -> sleep(0)), context);
        loop.runUntilComplete(task);
        assertSame(context, task.getContext());

        ContextVar<String> cvar = new ContextVar<>("cvar");
        AtomicReference<Task<?>> inside = new AtomicReference<>();
        Task<?> copying = loop.createTask(() -> Script.run(run(() -> {
            cvar.set("mine");
            inside.set(AsyncIO.currentTask());
        })));
        loop.runUntilComplete(copying);
        assertSame(copying, inside.get());
        assertEquals("mine", copying.getContext().get(cvar));
        assertNotSame(Context.copyContext(), copying.getContext());
        assertNull(Task.completed().getContext());
    }

    /** An @Async method awaited inside a task is part of it: it sees the task's values and the task sees its. */
    @Test
    void anAsyncCallInsideATaskSharesItsContext() {
        ContextVar<String> cvar = new ContextVar<>("cvar", "nope");
        Task<?> main = loop.createTask(() -> Script.run(
                run(() -> cvar.set("outer")),
                () -> Script.run(
                        run(() -> assertEquals("outer", cvar.get())),
                        () -> sleep(0),
                        run(() -> cvar.set("inner"))),
                run(() -> assertEquals("inner", cvar.get())),
                () -> sleep(0),
                run(() -> assertEquals("inner", cvar.get()))));
        loop.runUntilComplete(main);
        assertEquals("nope", cvar.get());
    }

    /** Contract: currentTask() inside a createTask body is that task, before and after every await. */
    @Test
    void currentTaskIsTheCreatedTaskBeforeAndAfterEveryAwait() {
        List<Task<?>> seen = new ArrayList<>();
        Runnable record = () -> seen.add(AsyncIO.currentTask());
        Task<?> task = loop.createTask(() -> Script.run(
                run(record),
                () -> sleep(0),
                run(record),
                () -> Script.run(run(record), () -> sleep(0), run(record)),
                run(record),
                () -> sleep(1),
                run(record)));
        loop.runUntilComplete(task);
        assertEquals(6, seen.size());
        for (Task<?> each : seen) {
            assertSame(task, each);
        }
    }

    @Test
    void callbacksRunInTheContextTheyWereScheduledIn() {
        ContextVar<String> cvar = new ContextVar<>("cvar", "loop");
        List<String> seen = new ArrayList<>();
        Task<?> task = loop.createTask(() -> Script.run(
                () -> {
                    cvar.set("task");
                    loop.callSoon(() -> {
                        seen.add("callSoon " + cvar.get());
                        cvar.set("changed by a callback");
                    });
                    loop.callLater(0.5, () -> seen.add("callLater " + cvar.get()));
                    loop.callAt(loop.time() + 0.25, () -> seen.add("callAt " + cvar.get()));
                    cvar.set("task, later");
                    return sleep(1);
                },
                run(() -> assertEquals("task, later", cvar.get()))));
        loop.runUntilComplete(task);
        assertEquals(List.of("callSoon task", "callAt task", "callLater task"), seen);
        assertEquals("loop", cvar.get());
    }

    @Test
    void callSoonThreadsafeRunsInTheSchedulingThreadsContext() throws Exception {
        ContextVar<String> cvar = new ContextVar<>("cvar", "loop");
        List<String> seen = new ArrayList<>();
        Thread other = new Thread(() -> {
            cvar.set("other thread");
            loop.callSoonThreadsafe(() -> seen.add(cvar.get()));
        });
        other.start();
        other.join();
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(List.of("other thread"), seen);
    }

    @Test
    void aCallbackScheduledFromAnEmptyContextKeepsWhatItSetsToItself() {
        ContextVar<String> cvar = new ContextVar<>("cvar", "none");
        List<String> seen = new ArrayList<>();
        loop.callSoon(() -> {
            seen.add(cvar.get());
            cvar.set("first");
        });
        loop.callSoon(() -> seen.add(cvar.get()));
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(List.of("none", "none"), seen);
        assertEquals("none", cvar.get());
    }

    @Test
    void runCopiesTheCallersContext() {
        ContextVar<String> cvar = new ContextVar<>("cvar");
        AsyncIO.setEventLoop(null);
        new Context().run(() -> {
            cvar.set("main");
            String seen = (String) AsyncIO.run(() -> Script.run(() -> {
                String before = cvar.get();
                cvar.set("changed in the task");
                return Task.completed(before);
            })).get(0);
            assertEquals("main", seen);
            assertEquals("main", cvar.get());
        });
    }

    @Test
    void toThreadRunsInACopyOfTheContext() {
        ContextVar<String> cvar = new ContextVar<>("cvar", "nope");
        List<Object> results = loop.runUntilComplete(loop.createTask(() -> Script.run(
                () -> {
                    cvar.set("request-7");
                    return AsyncIO.toThread(() -> {
                        String value = cvar.get();
                        cvar.set("changed on the pool thread");
                        return value;
                    });
                },
                run(() -> assertEquals("request-7", cvar.get())))));
        assertEquals("request-7", results.get(0));
    }

    @Test
    void aLoopRunInsideAContextDoesNotLendItToItsTasks() {
        ContextVar<String> cvar = new ContextVar<>("cvar", "nope");
        Context outer = new Context();
        outer.run(() -> {
            cvar.set("outer");
            Task<?> task = loop.createTask(() -> Script.run(run(() -> {
                assertEquals("outer", cvar.get());
                cvar.set("task");
            })));
            loop.runUntilComplete(task);
            assertEquals("outer", cvar.get());
            assertNotNull(task.getContext());
            assertEquals("task", task.getContext().get(cvar));
        });
    }
}
