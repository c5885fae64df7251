package org.jasyncio.tasks;

import static org.jasyncio.testing.Steps.DONE;
import static org.jasyncio.testing.Steps.then;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.Context;
import org.jasyncio.ContextVar;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.TaskGroup;
import org.jasyncio.TaskGroupException;
import org.jasyncio.sync.LoopFixture;
import org.jasyncio.testing.Steps;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code Lib/test/test_asyncio/test_taskgroups.py}, each test named after the CPython test
 * it ports ({@code docs/conformance.md} lists all), in virtual time. {@code async with TaskGroup() as
 * g: body} is {@code TaskGroup.run(g -> body)}; asyncio's {@code ExceptionGroup} is
 * {@link TaskGroupException}, {@code ZeroDivisionError} is {@link ArithmeticException},
 * {@code ValueError} {@link IllegalArgumentException}, {@code KeyboardInterrupt} a
 * {@link VirtualMachineError} and a {@code BaseException} of the test's own an {@link Error}.
 */
class TaskgroupsConformanceTest extends LoopFixture {
    private final int[] num = {0};
    private final boolean[] flag = {false, false};

    /** CPython's {@code MyExc}. */
    private static final class MyExc extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** CPython's {@code MyBaseExc}, a BaseException: an Error that is no VirtualMachineError. */
    private static final class MyBaseExc extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** {@code await asyncio.sleep(d); return value()} (value may raise). */
    private static Task<Object> sleepThen(double d, Supplier<Object> value) {
        return Steps.inTurn(v -> AsyncIO.sleep(d), v -> Task.completed(value.get()));
    }

    /** {@code await asyncio.sleep(d); 1 / 0}. */
    private static Task<Object> crashAfter(double d) {
        return sleepThen(d, () -> {
            throw new ArithmeticException("division by zero");
        });
    }

    /** {@code try: await asyncio.sleep(d) except CancelledError: onCancel(); raise}. */
    private static Task<Object> sleepNoting(double d, Runnable onCancel) {
        return Bodies.awaitRecovering(AsyncIO.sleep(d), t -> {
            if (t instanceof CancelledException) {
                onCancel.run();
            }
            throw (RuntimeException) t;
        });
    }

    /** {@code try: await asyncio.sleep(d) finally: raise failure} ({@code failure} unchecked). */
    private static Task<Object> sleepThenRaise(double d, Throwable failure) {
        return Bodies.awaitWithCleanup(AsyncIO.sleep(d), () -> {
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            throw (RuntimeException) failure;
        });
    }

    /** {@code asyncio.create_task(runner())}, the runner awaiting what {@code body} starts. */
    private static Task<Object> task(Supplier<? extends Future<?>> body) {
        return Steps.inTurn(v -> body.get());
    }

    private void sleep(double d) {
        loop.runUntilComplete(AsyncIO.sleep(d));
    }

    private static Set<Class<?>> errorTypes(Throwable group) {
        return ((TaskGroupException) group).getExceptions().stream().map(Object::getClass).collect(Collectors.toSet());
    }

    private Throwable failureOf(Future<?> future) {
        return assertThrows(Throwable.class, () -> loop.runUntilComplete(future));
    }

    @Test
    void testTaskgroup01() {
        List<Task<Object>> t = new ArrayList<>();
        loop.runUntilComplete(TaskGroup.run(g -> {
            t.add(g.createTask(() -> sleepThen(0.1, () -> 42)));
            t.add(g.createTask(() -> sleepThen(0.2, () -> 11)));
            return Task.completed();
        }));
        assertEquals(42, t.get(0).result());
        assertEquals(11, t.get(1).result());
    }

    @Test
    void testTaskgroup02() {
        List<Task<Object>> t = new ArrayList<>();
        loop.runUntilComplete(task(() -> TaskGroup.run(g -> Steps.inTurn(
                then(() -> t.add(g.createTask(() -> sleepThen(0.1, () -> 42)))),
                v -> AsyncIO.sleep(0.15),
                then(() -> t.add(g.createTask(() -> sleepThen(0.2, () -> 11))))))));
        assertEquals(42, t.get(0).result());
        assertEquals(11, t.get(1).result());
    }

    @Test
    void testTaskgroup03() {
        List<Task<Object>> t = new ArrayList<>();
        loop.runUntilComplete(task(() -> TaskGroup.run(g -> Steps.inTurn(
                then(() -> t.add(g.createTask(() -> sleepThen(1, () -> 42)))),
                v -> AsyncIO.sleep(0.15),
                then(() -> t.get(0).cancel()), // everything goes on working
                then(() -> t.add(g.createTask(() -> sleepThen(0.2, () -> 11))))))));
        assertTrue(t.get(0).cancelled());
        assertEquals(11, t.get(1).result());
    }

    @Test
    void testTaskgroup04() {
        List<Task<Object>> t2 = new ArrayList<>();
        Task<Object> runner = task(() -> Steps.inTurn(v -> TaskGroup.run(g -> {
            g.createTask(() -> crashAfter(0.1));
            t2.add(g.createTask(() -> Steps.inTurn(v2 -> sleepNoting(1, () -> flag[0] = true), then(() -> num[0]++))));
            return Task.completed();
        }), then(() -> num[0] += 10)));
        assertEquals(Set.of(ArithmeticException.class), errorTypes(failureOf(runner)));
        assertEquals(0, num[0]);
        assertTrue(flag[0], "t2 saw the cancellation");
        assertTrue(t2.get(0).cancelled());
    }

    @Test
    void testCancelChildrenOnChildError() {
        Task<Object> runner = task(() -> Steps.inTurn(v -> TaskGroup.run(g -> {
            for (int i = 0; i < 3; i++) {
                g.createTask(() -> crashAfter(0.1));
            }
            g.createTask(() -> Steps.inTurn(v2 -> sleepNoting(5, () -> flag[0] = true), then(() -> num[0]++)));
            return sleepNoting(10, () -> flag[1] = true);
        }), then(() -> num[0] += 10)));
        assertEquals(Set.of(ArithmeticException.class), errorTypes(failureOf(runner)));
        assertEquals(0, num[0]);
        assertTrue(flag[0], "the other child was cancelled");
        assertTrue(flag[1], "the body was cancelled");
    }

    /** A runner whose group has five children sleeping 5 s, counting their cancellations, and {@code body}. */
    private Task<Object> fiveSleepers(Supplier<Task<?>> body) {
        return task(() -> TaskGroup.run(g -> {
            for (int i = 0; i < 5; i++) {
                g.createTask(() -> sleepNoting(5, () -> num[0]++));
            }
            return body.get();
        }));
    }

    /** CPython's {@code r = create_task(runner()); await sleep(0.1); r.cancel(); await r} raising CancelledError. */
    private void cancelAfterATenth(Task<Object> r) {
        sleep(0.1);
        assertFalse(r.done());
        r.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(r));
    }

    @Test
    void testCancellation() {
        cancelAfterATenth(fiveSleepers(Task::completed));
        assertEquals(5, num[0]);
    }

    @Test
    void testTaskgroup07() {
        cancelAfterATenth(fiveSleepers(() -> sleepNoting(10, () -> num[0] += 10)));
        assertEquals(15, num[0]);
    }

    /** A group of five children crashing at 0.1 s, its body sleeping 10 s. */
    private static Future<Object> fiveCrashers() {
        return TaskGroup.run(g -> {
            for (int i = 0; i < 5; i++) {
                g.createTask(() -> crashAfter(0.1));
            }
            return Steps.inTurn(v -> AsyncIO.sleep(10));
        });
    }

    @Test
    void testCancellationInBody() {
        cancelAfterATenth(task(TaskgroupsConformanceTest::fiveCrashers));
    }

    /** The runner of tests 09 and 10: two children, then {@code beforeCrash} and 1 / 0 in the body. */
    private void crashInBody(Function<Object, ?> beforeCrash) {
        List<Task<Object>> t = new ArrayList<>();
        Future<Object> runner = TaskGroup.run(g -> {
            t.add(g.createTask(() -> sleepThen(1, () -> 42)));
            t.add(g.createTask(() -> sleepThen(2, () -> 11)));
            return Steps.inTurn(beforeCrash, v -> {
                throw new ArithmeticException("division by zero");
            });
        });
        assertEquals(Set.of(ArithmeticException.class), errorTypes(failureOf(runner)));
        assertTrue(t.get(0).cancelled());
        assertTrue(t.get(1).cancelled());
    }

    @Test
    void testTaskgroup09() {
        crashInBody(v -> AsyncIO.sleep(0.1));
    }

    @Test
    void testTaskgroup10() {
        crashInBody(v -> DONE);
    }

    @Test
    void testTaskgroup11() {
        cancelAfterATenth(task(() -> TaskGroup.run(g1 -> Steps.inTurn(v -> fiveCrashers()))));
    }

    @Test
    void testTaskgroup12() {
        cancelAfterATenth(task(() -> TaskGroup.run(g1 -> {
            g1.createTask(() -> Steps.inTurn(v -> AsyncIO.sleep(10)));
            return Steps.inTurn(v -> fiveCrashers());
        })));
    }

    /** {@code await asyncio.sleep(t); raise ValueError(t)}. */
    private static Task<Object> valueErrorAfter(double t) {
        return sleepThen(t, () -> {
            throw new IllegalArgumentException(String.valueOf(t));
        });
    }

    /** Nested groups: the outer's child fails after {@code outer} s, the inner's after {@code inner} s. */
    private Throwable nestedCrashes(double outer, double inner) {
        return failureOf(task(() -> TaskGroup.run(g1 -> {
            g1.createTask(() -> valueErrorAfter(outer));
            return Steps.inTurn(v -> TaskGroup.run(g2 -> {
                g2.createTask(() -> valueErrorAfter(inner));
                return Task.completed();
            }));
        })));
    }

    @Test
    void testTaskgroup13() {
        assertEquals(Set.of(IllegalArgumentException.class), errorTypes(nestedCrashes(0.1, 10)));
    }

    @Test
    void testTaskgroup14() {
        Throwable error = nestedCrashes(10, 0.1);
        assertEquals(Set.of(TaskGroupException.class), errorTypes(error));
        assertEquals(Set.of(IllegalArgumentException.class),
                errorTypes(((TaskGroupException) error).getExceptions().get(0)));
    }

    /** A group whose child crashes at 0.3 s while the body, cancelled, takes 0.5 s more. */
    private static Future<Object> crashWhileCancelling() {
        return TaskGroup.run(g1 -> {
            g1.createTask(() -> crashAfter(0.3));
            return Bodies.awaitRecovering(AsyncIO.sleep(10), t -> {
                if (t instanceof CancelledException) {
                    return Steps.inTurn(v -> AsyncIO.sleep(0.5), v -> {
                        throw (CancelledException) t;
                    });
                }
                throw (RuntimeException) t;
            });
        });
    }

    @Test
    void testTaskgroup15() {
        // as the stored file: cancelled (asyncio 3.12 expects the crash's ExceptionGroup; docs/conformance.md)
        cancelAfterATenth(task(() -> Steps.inTurn(v -> crashWhileCancelling(), v -> v)));
    }

    @Test
    void testTaskgroup16() {
        cancelAfterATenth(task(() -> loop.createTask(() -> Steps.inTurn(v -> crashWhileCancelling()))));
    }

    @Test
    void testTaskgroup17() {
        cancelAfterATenth(task(() -> TaskGroup.run(g -> sleepNoting(10, () -> num[0] += 10))));
        assertEquals(10, num[0]);
    }

    @Test
    void testTaskgroup18() {
        Task<Object> r = task(() -> TaskGroup.run(g -> Bodies.awaitRecovering(AsyncIO.sleep(10), t -> {
            num[0] += 10;
            throw new MyExc(); // not a good idea, but supported
        })));
        sleep(0.1);
        assertFalse(r.done());
        r.cancel();
        assertEquals(Set.of(MyExc.class), errorTypes(failureOf(r)));
        assertEquals(10, num[0]);
    }

    /** A group whose child crashes at 0.1 s while the body sleeps 10 s and raises {@code failure} in a finally. */
    private Throwable crashAndRaiseInFinally(Throwable failure) {
        return failureOf(task(() -> TaskGroup.run(g -> {
            g.createTask(() -> crashAfter(0.1));
            return sleepThenRaise(10, failure);
        })));
    }

    @Test
    void testTaskgroup19() {
        assertEquals(Set.of(MyExc.class, ArithmeticException.class), errorTypes(crashAndRaiseInFinally(new MyExc())));
    }

    @Test
    void testTaskgroup20() {
        assertInstanceOf(InternalError.class, crashAndRaiseInFinally(new InternalError("KeyboardInterrupt")),
                "rethrown alone");
    }

    @Test
    void testTaskgroup20a() {
        assertEquals(Set.of(MyBaseExc.class, ArithmeticException.class),
                errorTypes(crashAndRaiseInFinally(new MyBaseExc())));
    }

    @Test
    void testTaskgroup21a() {
        Throwable error = failureOf(task(() -> TaskGroup.run(g -> {
            g.createTask(() -> sleepThen(0.1, () -> {
                throw new MyBaseExc();
            }));
            return sleepThenRaise(10, new ClassCastException("TypeError"));
        })));
        assertEquals(Set.of(MyBaseExc.class, ClassCastException.class), errorTypes(error));
    }

    @Test
    void testTaskgroup22() {
        Task<Object> r = task(() -> TaskGroup.run(g -> {
            g.createTask(() -> sleepThen(1, () -> 42));
            g.createTask(() -> sleepThen(2, () -> 11));
            return Task.completed();
        }));
        sleep(0.05);
        r.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(r));
    }

    @Test
    void testTaskgroup23() {
        loop.runUntilComplete(task(() -> TaskGroup.run(g -> {
            List<Function<Object, ?>> steps = new ArrayList<>();
            for (int count = 0; count < 10; count++) {
                boolean check = count == 5;
                steps.add(v -> AsyncIO.sleep(0.1));
                steps.add(then(() -> {
                    g.createTask(() -> Steps.inTurn(v -> AsyncIO.sleep(0.3)));
                    if (check) {
                        assertTrue(tasksOf(g) < 5, g.toString()); // the private _tasks, counted in the repr
                    }
                }));
            }
            steps.add(v -> AsyncIO.sleep(1.35));
            steps.add(then(() -> assertEquals(0, tasksOf(g), g.toString())));
            return Steps.inTurn(steps.toArray(new Function[0]));
        })));
    }

    /** How many tasks of {@code g} are not done: {@code len(g._tasks)}, shown in the repr. */
    private static int tasksOf(TaskGroup g) {
        java.util.regex.Matcher tasks = java.util.regex.Pattern.compile("tasks=(\\d+)").matcher(g.toString());
        return tasks.find() ? Integer.parseInt(tasks.group(1)) : 0;
    }

    @Test
    void testTaskgroup24() {
        loop.runUntilComplete(task(() -> TaskGroup.run(g -> {
            g.createTask(() -> Steps.inTurn(v -> AsyncIO.sleep(0.1), then(() -> {
                g.createTask(() -> Steps.inTurn(v -> AsyncIO.sleep(0.1)));
                g.createTask(() -> Steps.inTurn(v -> AsyncIO.sleep(0.2)));
            })));
            return Task.completed();
        })));
    }

    /** CPython's {@code hydra(g)}: counts itself, sleeps 0.01 s, then starts two more. */
    private Task<Object> hydra(TaskGroup g) {
        num[0]++;
        return Steps.inTurn(v -> AsyncIO.sleep(0.01), then(() -> {
            g.createTask(() -> hydra(g));
            g.createTask(() -> hydra(g));
        }));
    }

    /** CPython's {@code hercules()}: {@code while nhydras < 10: await sleep(0.015)}; then 1 / 0. */
    private Task<Object> hercules() {
        return num[0] < 10 ? Steps.inTurn(v -> AsyncIO.sleep(0.015), v -> hercules()) : crashAfter(0);
    }

    @Test
    void testTaskgroup25() {
        Throwable error = failureOf(task(() -> TaskGroup.run(g -> {
            g.createTask(() -> hydra(g));
            g.createTask(this::hercules);
            return Task.completed();
        })));
        assertEquals(Set.of(ArithmeticException.class), errorTypes(error));
        assertTrue(num[0] >= 10);
    }

    @Test
    void testTaskgroupTaskName() {
        loop.runUntilComplete(task(() -> TaskGroup.run(g -> {
            Task<Object> t = g.createTask(() -> Steps.inTurn(v -> AsyncIO.sleep(0)), "yolo");
            assertEquals("yolo", t.getName());
            return Task.completed();
        })));
    }

    @Test
    void testTaskgroupTaskContext() {
        ContextVar<Integer> cvar = new ContextVar<>("cvar");
        // coro(val): await asyncio.sleep(0); cvar.set(val)
        Function<Integer, Task<Object>> coro = val -> Steps.inTurn(v -> AsyncIO.sleep(0), then(() -> cvar.set(val)));
        loop.runUntilComplete(task(() -> TaskGroup.run(g -> {
            Context ctx = Context.copyContext();
            assertNull(ctx.get(cvar));
            return Steps.inTurn(v -> g.createTask(() -> coro.apply(1), null, ctx),
                    then(() -> assertEquals(1, ctx.get(cvar))),
                    v -> g.createTask(() -> coro.apply(2), null, ctx),
                    then(() -> assertEquals(2, ctx.get(cvar))));
        }), v -> { }));
        assertNull(cvar.get(null), "the test's own context is untouched");
    }
}
