package org.jasyncio.tasks;

import static org.jasyncio.testing.Steps.DONE;
import static org.jasyncio.testing.Steps.then;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jasyncio.AsyncIO;
import org.jasyncio.Barrier;
import org.jasyncio.BrokenBarrierException;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;
import org.jasyncio.sync.LoopFixture;
import org.jasyncio.testing.Steps;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code test_locks.BarrierTests} ({@code docs/conformance.md} lists all), as
 * {@link LocksConformanceTest} ports the rest of {@code test_locks}: the test drives the loop,
 * {@code await asyncio.sleep(0)} is {@code spin(1)}, coroutines are {@link Steps#inTurn} bodies.
 * asyncio's {@code async with barrier as i} is {@code i = await barrier.wait()} (its exit does nothing).
 */
class BarrierConformanceTest extends LoopFixture {
    private static final int N = 5;

    private final List<Object> results1 = Collections.synchronizedList(new ArrayList<>());
    private final List<Object> results2 = new ArrayList<>();

    /** CPython's {@code gather_tasks(n, coro)}: {@code n} tasks of {@code coro}, gathered; their results. */
    private List<Object> gatherTasks(int n, Supplier<Task<Object>> coro) {
        List<Task<Object>> tasks = IntStream.range(0, n).mapToObj(i -> coro.get()).collect(Collectors.toList());
        return loop.runUntilComplete(AsyncIO.gather(tasks));
    }


    /** {@code try: await barrier.wait() except BrokenBarrierError: onBroken()}; the step's value is the index, or null. */
    private static Function<Object, ?> waitCatchingBroken(Barrier barrier, Runnable onBroken) {
        return v -> Bodies.awaitRecovering(barrier.waitAsync(), t -> {
            if (!(t instanceof BrokenBarrierException)) {
                throw (RuntimeException) t;
            }
            onBroken.run();
            return null;
        });
    }

    @Test
    void testRepr() {
        Barrier barrier = new Barrier(N);
        assertEquals("<Barrier [filling, waiters:0/5]>", barrier.toString());
        List<Task<Object>> waiters = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            waiters.add(Steps.inTurn(v -> barrier.waitAsync()));
        }
        spin(1);
        assertEquals("<Barrier [filling, waiters:2/5]>", barrier.toString());
        for (int i = barrier.nWaiting(); i < barrier.parties(); i++) {
            waiters.add(Steps.inTurn(v -> barrier.waitAsync()));
        }
        spin(1);
        assertEquals("<Barrier [draining, waiters:0/5]>", barrier.toString(), "until the released parties resumed");
        for (int i = 0; i < 2; i++) {
            waiters.add(Steps.inTurn(v -> barrier.waitAsync()));
        }
        spin(1);
        barrier.reset();
        assertEquals("<Barrier [resetting, waiters:0/5]>", barrier.toString(), "until the broken parties resumed");
        for (int i = 0; i < 2; i++) {
            waiters.add(Steps.inTurn(v -> barrier.waitAsync()));
        }
        spin(1);
        barrier.abort();
        assertEquals("<Barrier [broken]>", barrier.toString());
        assertTrue(barrier.broken());
        loop.runUntilComplete(AsyncIO.gather(true, waiters));
    }

    @Test
    void testBarrierParties() {
        assertThrows(IllegalArgumentException.class, () -> new Barrier(0));
        assertThrows(IllegalArgumentException.class, () -> new Barrier(-4));
        assertEquals(N, new Barrier(N).parties());
    }

    @Test
    void testContextManager() {
        Barrier barrier = new Barrier(3);
        List<Object> results = new ArrayList<>();
        gatherTasks(3, () -> Steps.inTurn(v -> barrier.waitAsync(), v -> {
            results.add(v);
            return DONE;
        }));
        results.sort(null);
        assertEquals(List.of(0, 1, 2), results);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    @Test
    void testFillingOneTask() {
        Barrier barrier = new Barrier(1);
        Task<Object> f = Steps.inTurn(v -> barrier.waitAsync(), v -> Task.completed(Boolean.TRUE));
        assertEquals(Boolean.TRUE, loop.runUntilComplete(f));
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    @Test
    void testFillingOneTaskTwice() {
        Barrier barrier = new Barrier(1);
        Task<Object> t1 = Steps.inTurn(v -> barrier.waitAsync());
        spin(1);
        assertEquals(0, barrier.nWaiting());
        Task<Object> t2 = Steps.inTurn(v -> barrier.waitAsync());
        spin(1);
        assertEquals(t1.result(), t2.result());
        assertEquals(t1.done(), t2.done());
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    @Test
    void testFillingTaskByTask() {
        Barrier barrier = new Barrier(3);
        Task<Object> t1 = Steps.inTurn(v -> barrier.waitAsync());
        spin(1);
        assertEquals(1, barrier.nWaiting());
        assertTrue(barrier.toString().contains("filling"));
        Task<Object> t2 = Steps.inTurn(v -> barrier.waitAsync());
        spin(1);
        assertEquals(2, barrier.nWaiting());
        assertTrue(barrier.toString().contains("filling"));
        Task<Object> t3 = Steps.inTurn(v -> barrier.waitAsync());
        spin(1);
        loop.runUntilComplete(AsyncIO.wait(List.of(t1, t2, t3)));
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    @Test
    void testFillingTasksWaitTwice() {
        Barrier barrier = new Barrier(N);
        gatherTasks(N, () -> Steps.inTurn(v -> barrier.waitAsync(), then(() -> results1.add(true)),
                v -> barrier.waitAsync(), then(() -> results1.add(false))));
        assertEquals(2 * N, results1.size());
        assertEquals(N, Collections.frequency(results1, true));
        assertEquals(N, Collections.frequency(results1, false));
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    @Test
    void testFillingTasksCheckReturnValue() {
        Barrier barrier = new Barrier(N);
        List<Object> res = new ArrayList<>(gatherTasks(N, () -> Steps.inTurn(v -> barrier.waitAsync(),
                then(() -> results1.add(true)), v -> barrier.waitAsync(), v -> {
                    results2.add(true);
                    return Task.completed(v);
                })));
        assertEquals(N, results1.size());
        assertEquals(N, results2.size());
        res.sort(null);
        assertEquals(List.of(0, 1, 2, 3, 4), res);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    @Test
    void testDrainingState() {
        Barrier barrier = new Barrier(N);
        gatherTasks(N, () -> Steps.inTurn(v -> barrier.waitAsync(),
                then(() -> results1.add(barrier.toString().contains("draining")))));
        assertEquals(N, results1.size());
        assertEquals(List.of(true, true, true, true, false), results1, "the last to leave fills the barrier again");
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    @Test
    void testBlockingTasksWhileDraining() {
        Barrier barrier = new Barrier(N);
        Barrier barrierNoWaiting = new Barrier(N - 2);
        int[] rewaitN = {2};
        // after passing once, two parties wait again at once; the others meet at barrierNoWaiting first
        gatherTasks(N, () -> Steps.inTurn(v -> barrier.waitAsync(),
                v -> rewaitN[0]-- > 0 ? barrier.waitAsync() : Steps.inTurn(w -> barrierNoWaiting.waitAsync(),
                        w -> barrier.waitAsync())));
        assertEquals(0, barrier.nWaiting());
        assertEquals(0, barrierNoWaiting.nWaiting());
    }

    @Test
    void testFillingTasksCancelOne() {
        Barrier barrier = new Barrier(3);
        Supplier<Task<Object>> coro = () -> Steps.inTurn(v -> barrier.waitAsync(), then(() -> results1.add(true)));
        Task<Object> t1 = coro.get();
        spin(1);
        assertEquals(1, barrier.nWaiting());
        Task<Object> t2 = coro.get();
        spin(1);
        assertEquals(2, barrier.nWaiting());
        t1.cancel();
        spin(1);
        assertEquals(1, barrier.nWaiting());
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t1));
        assertTrue(t1.cancelled());
        Task<Object> t3 = coro.get();
        spin(1);
        assertEquals(2, barrier.nWaiting());
        Task<Object> t4 = coro.get();
        loop.runUntilComplete(AsyncIO.gather(t2, t3, t4));
        assertEquals(List.of(true, true, true), results1);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    @Test
    void testResetBarrier() {
        Barrier barrier = new Barrier(1);
        Steps.inTurn(v -> barrier.reset());
        spin(1);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    @Test
    void testResetBarrierWhileTasksWaiting() {
        Barrier barrier = new Barrier(N);
        List<Task<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < N - 1; i++) {
            tasks.add(Steps.inTurn(waitCatchingBroken(barrier, () -> results1.add(true))));
        }
        spin(1);
        Steps.inTurn(v -> barrier.reset());
        loop.runUntilComplete(AsyncIO.gather(tasks));
        assertEquals(Collections.nCopies(N - 1, true), results1);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.toString().contains("resetting"));
        assertFalse(barrier.broken());
    }

    @Test
    void testResetBarrierWhenTasksHalfDraining() {
        Barrier barrier = new Barrier(N);
        int[] passed = {0};
        // asyncio's test resets when barrier._count (parties inside) is N // 2: the third to resume
        gatherTasks(N, () -> Steps.inTurn(v -> Steps.tryAwait(barrier.waitAsync(),
                index -> ++passed[0] == N - N / 2 ? barrier.reset() : DONE,
                t -> {
                    results1.add(t instanceof BrokenBarrierException);
                    return DONE;
                })));
        assertEquals(Collections.nCopies(N / 2, true), results1, "the released parties not resumed yet broke");
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.toString().contains("resetting"));
        assertFalse(barrier.broken());
    }

    /**
     * CPython's coro of the half draining, half blocking tests: {@code try: await barrier.wait() except
     * BrokenBarrierError: onBroken else: count += 1; afterPassing(count)}.
     */
    private Supplier<Task<Object>> halfDrainingHalfBlocking(Barrier barrier, Function<Object, ?> onBroken,
            Function<Integer, Object> afterPassing) {
        int[] count = {0};
        return () -> Steps.inTurn(v -> Steps.tryAwait(barrier.waitAsync(), index -> afterPassing.apply(++count[0]),
                t -> {
                    if (!(t instanceof BrokenBarrierException)) {
                        throw (RuntimeException) t;
                    }
                    return onBroken.apply(null);
                }));
    }

    @Test
    void testResetBarrierWhenTasksHalfDrainingHalfBlocking() {
        Barrier barrier = new Barrier(N);
        int blockingTasks = N / 2;
        gatherTasks(N, halfDrainingHalfBlocking(barrier,
                v -> Steps.inTurn(then(() -> results1.add(true)), w -> barrier.waitAsync()),
                count -> count > blockingTasks
                        // reset now: the parties still waiting break; then wait again to reach the parties
                        ? Steps.inTurn(w -> barrier.reset(), w -> barrier.waitAsync())
                        : Steps.inTurn(waitCatchingBroken(barrier, () -> results2.add(true)))));
        assertEquals(Collections.nCopies(blockingTasks, true), results1);
        assertEquals(List.of(), results2, "the blocked parties wait on, unbroken");
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.toString().contains("resetting"));
        assertFalse(barrier.broken());
    }

    @Test
    void testAbortBarrierWhenTasksHalfDrainingHalfBlocking() {
        Barrier barrier = new Barrier(N);
        int blockingTasks = N / 2;
        gatherTasks(N, halfDrainingHalfBlocking(barrier, then(() -> results1.add(true)),
                count -> count > blockingTasks
                        ? barrier.abort()
                        : Steps.inTurn(waitCatchingBroken(barrier, () -> results2.add(true)))));
        assertTrue(barrier.broken());
        assertEquals(Collections.nCopies(blockingTasks, true), results1);
        assertEquals(Collections.nCopies(N - blockingTasks - 1, true), results2);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.toString().contains("resetting"));
    }

    @Test
    void testResetBarrierWhileTasksWaitingAndWaitingAgain() {
        Barrier barrier = new Barrier(N);
        List<Task<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < N - 1; i++) {
            // try: wait except Broken: results1 finally: wait; results2
            tasks.add(Steps.inTurn(waitCatchingBroken(barrier, () -> results1.add(true)), v -> barrier.waitAsync(),
                    then(() -> results2.add(true))));
        }
        Steps.inTurn(v -> barrier.reset());
        spin(1);
        Steps.inTurn(v -> barrier.waitAsync(), then(() -> results2.add(true)));
        loop.runUntilComplete(AsyncIO.gather(tasks));
        assertFalse(barrier.broken());
        assertEquals(Collections.nCopies(N - 1, true), results1);
        settle();
        assertEquals(Collections.nCopies(N, true), results2);
        assertEquals(0, barrier.nWaiting());
    }

    @Test
    void testResetBarrierWhileTasksDraining() {
        Barrier barrier = new Barrier(N);
        int[] count = {0};
        List<Object> results3 = new ArrayList<>();
        gatherTasks(N, () -> Steps.inTurn(v -> barrier.waitAsync(), v -> {
            if (++count[0] == N) {
                // the last to leave resets, then waits to reach the parties
                return Steps.inTurn(w -> barrier.reset(), w -> barrier.waitAsync());
            }
            // try: second wait, results1 except: results2
            return Steps.tryAwait(barrier.waitAsync(), w -> then(() -> results1.add(true)).apply(w),
                    t -> then(() -> results2.add(true)).apply(t));
        }, v -> barrier.waitAsync(), then(() -> results3.add(true))));
        assertFalse(barrier.broken());
        assertEquals(Collections.nCopies(N - 1, true), results1);
        assertEquals(List.of(), results2);
        assertEquals(Collections.nCopies(N, true), results3);
        assertEquals(0, barrier.nWaiting());
    }

    @Test
    void testAbortBarrier() {
        Barrier barrier = new Barrier(1);
        Steps.inTurn(v -> barrier.abort());
        spin(1);
        assertEquals(0, barrier.nWaiting());
        assertTrue(barrier.broken());
    }

    @Test
    void testAbortBarrierWhenException() {
        Barrier barrier = new Barrier(N);
        gatherTasks(N, () -> Steps.inTurn(v -> Bodies.awaitRecovering(Steps.inTurn(w -> barrier.waitAsync(), i -> {
            if ((Integer) i == N / 2) {
                throw new IllegalStateException("RuntimeError");
            }
            return barrier.waitAsync();
        }, then(() -> results1.add(true))), t -> {
            if (t instanceof BrokenBarrierException) {
                results2.add(true);
                return DONE;
            }
            return barrier.abort();
        }), v -> v));
        assertTrue(barrier.broken());
        assertEquals(List.of(), results1);
        assertEquals(Collections.nCopies(N - 1, true), results2);
        assertEquals(0, barrier.nWaiting());
    }

    @Test
    void testAbortBarrierWhenExceptionThenResetting() {
        Barrier barrier1 = new Barrier(N);
        Barrier barrier2 = new Barrier(N);
        List<Object> results3 = new ArrayList<>();
        gatherTasks(N, () -> Steps.inTurn(v -> Bodies.awaitRecovering(Steps.inTurn(w -> barrier1.waitAsync(), i -> {
            if ((Integer) i == N / 2) {
                throw new IllegalStateException("RuntimeError");
            }
            return barrier1.waitAsync();
        }, then(() -> results1.add(true))), t -> {
            if (t instanceof BrokenBarrierException) {
                results2.add(true);
                return DONE;
            }
            return barrier1.abort();
        }), v -> v,
                // synchronize, reset, synchronize again, so that nobody enters barrier1 before the reset
                v -> barrier2.waitAsync(), i -> (Integer) i == N / 2 ? barrier1.reset() : DONE,
                v -> barrier2.waitAsync(), v -> barrier1.waitAsync(), then(() -> results3.add(true))));
        assertFalse(barrier1.broken());
        assertEquals(List.of(), results1);
        assertEquals(Collections.nCopies(N - 1, true), results2);
        assertEquals(Collections.nCopies(N, true), results3);
        assertEquals(0, barrier1.nWaiting());
    }
}
