package org.jasyncio.tasks;

import static org.jasyncio.testing.Steps.DONE;
import static org.jasyncio.testing.Steps.then;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.CompletionOrder;
import org.jasyncio.DoneAndPending;
import org.jasyncio.Future;
import org.jasyncio.ReturnWhen;
import org.jasyncio.Task;
import org.jasyncio.TimeoutException;
import org.jasyncio.sync.LoopFixture;
import org.jasyncio.testing.Steps;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code Lib/test/test_asyncio/test_tasks.py}, the tests of {@code wait}, {@code as_completed},
 * {@code sleep}, {@code shield} and {@code gather} ({@code BaseTaskTests}' and the gather classes'),
 * each named after the CPython test it ports ({@code docs/conformance.md} lists all), in virtual time:
 * asyncio's test loop advancing its clock is {@link VirtualTimeLoop} jumping to the next timer. Where two
 * CPython classes share a test name, the Java name carries the class ({@code FutureGatherTests.test_success}
 * is {@code testFutureGatherSuccess}).
 */
class TasksCombinatorsConformanceTest extends LoopFixture {

    /** {@code Task(asyncio.sleep(d))}, made while the loop is not running: it starts on the next iteration. */
    private static Task<Object> sleeping(double d) {
        return Steps.inTurn(v -> AsyncIO.sleep(d));
    }

    /** {@code async def coro(): await asyncio.sleep(d); raise error}. */
    private static Task<Object> sleepThenRaise(double d, RuntimeException error) {
        return Steps.inTurn(v -> AsyncIO.sleep(d), v -> {
            throw error;
        });
    }

    private static Task<Object> returning(Object value) {
        return Steps.inTurn(v -> Task.completed(value));
    }

    /** {@code done, pending = await wait(fs, ...)} followed by {@code check(done, pending)}. */
    private static Task<Object> waitThen(Future<DoneAndPending> wait, Function<DoneAndPending, Object> check) {
        return Steps.inTurn(v -> wait, v -> Task.completed(check.apply((DoneAndPending) v)));
    }

    @Test
    void testWait() {
        Task<Object> a = sleeping(0.1);
        Task<Object> b = sleeping(0.15);
        Function<DoneAndPending, Object> check = r -> {
            assertEquals(Set.of(a, b), r.done());
            assertEquals(Set.of(), r.pending());
            return 42;
        };
        assertEquals(42, loop.runUntilComplete(Steps.inTurn(v -> waitThen(AsyncIO.wait(List.of(b, a)), check))));
        assertEquals(0.15, loop.time(), 1e-9);
        // doing it again takes no time and exercises a different path
        assertEquals(42, loop.runUntilComplete(Steps.inTurn(v -> waitThen(AsyncIO.wait(List.of(b, a)), check))));
        assertEquals(0.15, loop.time(), 1e-9);
    }

    @Test
    void testWaitDuplicateCoroutines() {
        Task<Object> c = loop.createTask(() -> returning("test"));
        Future<DoneAndPending> task = AsyncIO.wait(List.of(c, c, loop.createTask(() -> returning("spam"))));
        DoneAndPending result = loop.runUntilComplete(task);
        assertTrue(result.pending().isEmpty());
        assertEquals(Set.of("test", "spam"), result.done().stream().map(Future::result).collect(Collectors.toSet()));
    }

    @Test
    void testWaitErrors() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> AsyncIO.wait(Set.of()));
        assertEquals("Set of Tasks/Futures is empty.", error.getMessage());
    }

    @Test
    void testWaitFirstCompleted() {
        Task<Object> a = sleeping(10.0);
        Task<Object> b = sleeping(0.1);
        DoneAndPending r = (DoneAndPending) loop.runUntilComplete(
                Steps.inTurn(v -> AsyncIO.wait(List.of(b, a), ReturnWhen.FIRST_COMPLETED)));
        assertEquals(Set.of(b), r.done());
        assertEquals(Set.of(a), r.pending());
        assertFalse(a.done());
        assertTrue(b.done());
        assertEquals(null, b.result());
        assertEquals(0.1, loop.time(), 1e-9);
        a.cancel();
    }

    @Test
    void testWaitReallyDone() {
        // some tasks in the pending list may have become done while their callbacks have not run yet
        Task<Object> a = Steps.inTurn(v -> AsyncIO.sleep(0));
        Task<Object> b = Steps.inTurn(v -> AsyncIO.sleep(0), v -> AsyncIO.sleep(0));
        DoneAndPending r = (DoneAndPending) loop.runUntilComplete(
                Steps.inTurn(v -> AsyncIO.wait(List.of(b, a), ReturnWhen.FIRST_COMPLETED)));
        assertEquals(Set.of(a, b), r.done());
        assertTrue(a.done());
        assertEquals(null, a.result());
        assertTrue(b.done());
        assertEquals(null, b.result());
    }

    @Test
    void testWaitFirstException() {
        // first_exception, task already has exception
        Task<Object> a = sleeping(10.0);
        Task<Object> b = Steps.inTurn(v -> {
            throw new ArithmeticException("err");
        });
        DoneAndPending r = (DoneAndPending) loop.runUntilComplete(
                Steps.inTurn(v -> AsyncIO.wait(List.of(b, a), ReturnWhen.FIRST_EXCEPTION)));
        assertEquals(Set.of(b), r.done());
        assertEquals(Set.of(a), r.pending());
        assertEquals(0, loop.time(), 1e-9);
        a.cancel();
    }

    @Test
    void testWaitFirstExceptionInWait() {
        // first_exception, exception during waiting
        Task<Object> a = sleeping(10.0);
        Task<Object> b = sleepThenRaise(0.01, new ArithmeticException("err"));
        DoneAndPending r = loop.runUntilComplete(AsyncIO.wait(List.of(b, a), ReturnWhen.FIRST_EXCEPTION));
        assertEquals(Set.of(b), r.done());
        assertEquals(Set.of(a), r.pending());
        assertEquals(0.01, loop.time(), 1e-9);
        a.cancel();
    }

    @Test
    void testWaitWithException() {
        Task<Object> a = sleeping(0.1);
        Task<Object> b = sleepThenRaise(0.15, new ArithmeticException("really"));
        Function<DoneAndPending, Object> check = r -> {
            assertEquals(2, r.done().size());
            assertEquals(Set.of(), r.pending());
            assertEquals(1, r.done().stream().filter(f -> f.exception() != null).count());
            return null;
        };
        loop.runUntilComplete(Steps.inTurn(v -> waitThen(AsyncIO.wait(List.of(b, a)), check)));
        assertEquals(0.15, loop.time(), 1e-9);
        loop.runUntilComplete(Steps.inTurn(v -> waitThen(AsyncIO.wait(List.of(b, a)), check)));
        assertEquals(0.15, loop.time(), 1e-9);
    }

    @Test
    void testWaitWithTimeout() {
        Task<Object> a = sleeping(0.1);
        Task<Object> b = sleeping(0.15);
        loop.runUntilComplete(Steps.inTurn(v -> waitThen(AsyncIO.wait(List.of(b, a), 0.11, ReturnWhen.ALL_COMPLETED), r -> {
            assertEquals(Set.of(a), r.done());
            assertEquals(Set.of(b), r.pending());
            return null;
        })));
        assertEquals(0.11, loop.time(), 1e-9);
        b.cancel();
    }

    @Test
    void testWaitConcurrentComplete() {
        Task<Object> a = sleeping(0.1);
        Task<Object> b = sleeping(0.15);
        // wait() called from a task started after a and b, as asyncio's wait coroutine starts: its timeout is
        // scheduled after a's timer with the same deadline
        DoneAndPending r = (DoneAndPending) loop.runUntilComplete(
                Steps.inTurn(v -> AsyncIO.wait(List.of(b, a), 0.1, ReturnWhen.ALL_COMPLETED)));
        assertEquals(Set.of(a), r.done());
        assertEquals(Set.of(b), r.pending());
        assertEquals(0.1, loop.time(), 1e-9);
        b.cancel();
    }

    @Test
    void testWaitInvalidArgs() {
        assertThrows(IllegalArgumentException.class, () -> AsyncIO.wait(List.of()), "wait() expects at least a future");
    }

    @Test
    @SuppressWarnings("unchecked")
    void testAsCompleted() {
        Set<String> completed = new HashSet<>();
        boolean[] timeShifted = {false};
        // sleeper(dt, x): await sleep(dt); completed.add(x); (a and b done: advance the clock 0.14); return x
        Function<Object[], Task<Object>> sleeper = args -> Steps.inTurn(v -> AsyncIO.sleep((Double) args[0]), then(() -> {
            completed.add((String) args[1]);
            if (!timeShifted[0] && completed.contains("a") && completed.contains("b")) {
                timeShifted[0] = true;
                ((VirtualTimeLoop) loop).advance(0.14);
            }
        }), v -> Task.completed(args[1]));
        Task<Object> a = sleeper.apply(new Object[] {0.01, "a"});
        Task<Object> b = sleeper.apply(new Object[] {0.01, "b"});
        Task<Object> c = sleeper.apply(new Object[] {0.15, "c"});
        // foo(): return [await f for f in as_completed([b, c, a])]
        List<Object> res = (List<Object>) (List<?>) loop.runUntilComplete(
                Steps.inTurn(v -> Bodies.awaitEach(AsyncIO.asCompleted(List.of(b, c, a)))));
        assertEquals(0.15, loop.time(), 1e-9);
        assertTrue(res.subList(0, 2).contains("a"));
        assertTrue(res.subList(0, 2).contains("b"));
        assertEquals("c", res.get(2));
    }

    @Test
    void testAsCompletedWithTimeout() {
        Task<Object> a = loop.createTask(() -> Steps.inTurn(v -> AsyncIO.sleep(0.1, "a")));
        Task<Object> b = loop.createTask(() -> Steps.inTurn(v -> AsyncIO.sleep(0.15, "b")));
        List<Object> values = new ArrayList<>();
        // for f in as_completed([a, b], timeout=0.12): (after the first: advance 0.02) try: (1, await f) except TimeoutError
        loop.runUntilComplete(Steps.inTurn(v -> {
            CompletionOrder<Object> order = AsyncIO.asCompleted(List.of(a, b), 0.12);
            return Steps.inTurn(w -> Bodies.awaitRecovering(order.get(0), e -> e), first -> {
                values.add(first);
                ((VirtualTimeLoop) loop).advance(0.02);
                return Bodies.awaitRecovering(order.get(1), e -> e);
            }, second -> {
                values.add(second);
                return DONE;
            });
        }));
        assertEquals(2, values.size(), values.toString());
        assertEquals("a", values.get(0));
        assertInstanceOf(TimeoutException.class, values.get(1));
        assertEquals(0.12, loop.time(), 1e-9);
        b.cancel();
    }

    @Test
    void testAsCompletedWithUnusedTimeout() {
        Future<String> a = AsyncIO.sleep(0.01, "a");
        assertEquals(List.of("a"), loop.runUntilComplete(Steps.inTurn(v -> Bodies.awaitEach(AsyncIO.asCompleted(List.of(a), 1)))));
    }

    @Test
    void testAsCompletedReverseWait() {
        Future<String> a = AsyncIO.sleep(0.05, "a");
        Future<String> b = AsyncIO.sleep(0.10, "b");
        CompletionOrder<String> futs = AsyncIO.asCompleted(List.of(a, b));
        assertEquals(2, futs.size());
        // asyncio hands whichever is awaited first the first completion; jasyncio's slots are positional
        assertEquals("b", loop.runUntilComplete(futs.get(1)));
        assertEquals(0.10, loop.time(), 1e-9);
        assertEquals("a", loop.runUntilComplete(futs.get(0)), "already done");
    }

    @Test
    void testAsCompletedConcurrent() {
        Future<String> a = AsyncIO.sleep(0.05, "a");
        Future<String> b = AsyncIO.sleep(0.05, "b");
        CompletionOrder<String> futs = AsyncIO.asCompleted(List.of(a, b));
        assertEquals(2, futs.size());
        DoneAndPending r = loop.runUntilComplete(AsyncIO.wait(futs));
        assertEquals(Set.of("a", "b"), r.done().stream().map(Future::result).collect(Collectors.toSet()));
    }

    @Test
    void testAsCompletedDuplicateCoroutines() {
        Task<Object> c = returning("ham");
        List<?> result = (List<?>) loop.runUntilComplete(
                Steps.inTurn(v -> Bodies.awaitEach(AsyncIO.asCompleted(List.of(c, c, returning("spam"))))));
        assertEquals(Set.of("ham", "spam"), new HashSet<>(result));
        assertEquals(2, result.size());
    }

    @Test
    void testSleep() {
        // sleeper(dt, arg): await sleep(dt / 2); return await sleep(dt / 2, arg)
        Task<Object> t = Steps.inTurn(v -> AsyncIO.sleep(0.05), v -> AsyncIO.sleep(0.05, "yeah"));
        loop.runUntilComplete(t);
        assertTrue(t.done());
        assertEquals("yeah", t.result());
        assertEquals(0.1, loop.time(), 1e-9);
    }

    @Test
    void testSleepCancel() {
        // asyncio checks the private _cancelled of the timer handle; here a live timer would cost the
        // virtual loop one more wake-up at its deadline
        int before = loop.polls();
        loop.runUntilComplete(AsyncIO.sleep(20));
        int baseline = loop.polls() - before;
        Task<Object> t = Steps.inTurn(v -> AsyncIO.sleep(10.0, "yeah"));
        spin(2);
        t.cancel();
        spin(2);
        assertTrue(t.cancelled());
        before = loop.polls();
        loop.runUntilComplete(AsyncIO.sleep(20));
        assertEquals(baseline, loop.polls() - before, "no wake-up for the cancelled sleep: its timer was cancelled");
    }

    @Test
    void testSleepZero() {
        int[] result = {0};
        // coro(): call_soon(inc, 1); num = await sleep(0, result=10); (result is 1); inc(num)
        loop.runUntilComplete(Steps.inTurn(v -> {
            loop.callSoon(() -> result[0] += 1);
            assertEquals(0, result[0]);
            return AsyncIO.sleep(0, 10);
        }, num -> {
            assertEquals(1, result[0], "incremented by call_soon");
            result[0] += (Integer) num;
            return DONE;
        }));
        assertEquals(11, result[0]);
    }

    // ---- shield ----

    @Test
    void testShieldResult() {
        Future<Object> inner = loop.createFuture();
        Future<Object> outer = AsyncIO.shield(inner);
        inner.setResult(42);
        assertEquals(42, loop.runUntilComplete(outer));
    }

    @Test
    void testShieldException() {
        Future<Object> inner = loop.createFuture();
        Future<Object> outer = AsyncIO.shield(inner);
        spin(2);
        RuntimeException exc = new RuntimeException("expected");
        inner.setException(exc);
        spin(2);
        assertSame(exc, outer.exception());
    }

    @Test
    void testShieldCancelInner() {
        Future<Object> inner = loop.createFuture();
        Future<Object> outer = AsyncIO.shield(inner);
        spin(2);
        inner.cancel();
        spin(2);
        assertTrue(outer.cancelled());
    }

    @Test
    void testShieldCancelOuter() {
        Future<Object> inner = loop.createFuture();
        Future<Object> outer = AsyncIO.shield(inner);
        spin(2);
        outer.cancel();
        spin(2);
        assertTrue(outer.cancelled());
        assertFalse(inner.cancelled(), "the shielded future runs on");
    }

    @Test
    void testShieldShortcut() {
        Future<Object> fut = loop.createFuture();
        fut.setResult(42);
        assertEquals(42, loop.runUntilComplete(AsyncIO.shield(fut)));
    }

    @Test
    void testShieldEffect() {
        // outer(): await shield(inner()); proof += 100
        assertEquals(1, CancelReach.proof(loop, this::spin, inner -> AsyncIO.shield(inner.get())));
    }

    @Test
    void testShieldGather() {
        Future<Object> child1 = loop.createFuture();
        Future<Object> child2 = loop.createFuture();
        Future<List<Object>> parent = AsyncIO.gather(child1, child2);
        Future<List<Object>> outer = AsyncIO.shield(parent);
        spin(2);
        outer.cancel();
        spin(2);
        assertTrue(outer.cancelled());
        child1.setResult(1);
        child2.setResult(2);
        spin(2);
        assertEquals(List.of(1, 2), parent.result());
    }

    @Test
    void testGatherShield() {
        Future<Object> child1 = loop.createFuture();
        Future<Object> child2 = loop.createFuture();
        Future<Object> inner1 = AsyncIO.shield(child1);
        Future<Object> inner2 = AsyncIO.shield(child2);
        Future<List<Object>> parent = AsyncIO.gather(inner1, inner2);
        spin(2);
        parent.cancel();
        // this cancels inner1 and inner2 but not child1 and child2
        spin(2);
        // asyncio's gathering future ends with a CancelledError as its exception; jasyncio's ends cancelled
        assertTrue(parent.cancelled());
        assertThrows(CancelledException.class, parent::exception);
        assertTrue(inner1.cancelled());
        assertTrue(inner2.cancelled());
        child1.setResult(1);
        child2.setResult(2);
        spin(2);
        assertFalse(child1.cancelled() || child2.cancelled());
    }

    // ---- gather (GatherTestsBase, FutureGatherTests, CoroutineGatherTests) ----

    /** {@code wrap_futures} of {@code CoroutineGatherTests}: {@code async def coro(fut=fut): return await fut}. */
    private static List<Future<?>> coroutines(List<Future<Object>> futures) {
        List<Future<?>> coros = new ArrayList<>();
        for (Future<Object> fut : futures) {
            coros.add(Steps.inTurn(v -> fut));
        }
        return coros;
    }

    private List<Future<Object>> futures(int n) {
        List<Future<Object>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fs.add(loop.createFuture());
        }
        return fs;
    }

    private void checkSuccess(Function<List<Future<Object>>, List<Future<?>>> wrap, boolean returnExceptions) {
        List<Future<Object>> abc = futures(3);
        Future<List<Object>> fut = AsyncIO.gather(returnExceptions, wrap.apply(abc));
        List<Object> calls = new ArrayList<>();
        fut.addDoneCallback(calls::add);
        abc.get(1).setResult(1);
        abc.get(0).setResult(2);
        settle();
        assertEquals(List.of(), calls);
        assertFalse(fut.done());
        abc.get(2).setResult(3);
        settle();
        assertEquals(List.of(fut), calls);
        assertEquals(List.of(2, 1, 3), fut.result());
    }

    private void checkOneException(Function<List<Future<Object>>, List<Future<?>>> wrap) {
        List<Future<Object>> fs = futures(5);
        Future<List<Object>> fut = AsyncIO.gather(wrap.apply(fs));
        List<Object> calls = new ArrayList<>();
        fut.addDoneCallback(calls::add);
        ArithmeticException exc = new ArithmeticException();
        fs.get(0).setResult(1);
        fs.get(1).setException(exc);
        settle();
        assertTrue(fut.done());
        assertEquals(List.of(fut), calls);
        assertSame(exc, fut.exception());
        // does nothing
        fs.get(2).setResult(3);
        fs.get(3).cancel();
        fs.get(4).setException(new RuntimeException());
        fs.get(4).exception();
        settle();
        assertEquals(List.of(fut), calls);
    }

    private void checkReturnExceptions(Function<List<Future<Object>>, List<Future<?>>> wrap) {
        List<Future<Object>> fs = futures(4);
        Future<List<Object>> fut = AsyncIO.gather(true, wrap.apply(fs));
        List<Object> calls = new ArrayList<>();
        fut.addDoneCallback(calls::add);
        ArithmeticException exc = new ArithmeticException();
        RuntimeException exc2 = new RuntimeException();
        fs.get(1).setResult(1);
        fs.get(2).setException(exc);
        fs.get(0).setResult(3);
        settle();
        assertFalse(fut.done());
        fs.get(3).setException(exc2);
        settle();
        assertTrue(fut.done());
        assertEquals(List.of(fut), calls);
        assertEquals(Arrays.asList(3, 1, exc, exc2), fut.result());
    }

    @Test
    void testFutureGatherSuccess() {
        checkSuccess(List::copyOf, false);
    }

    @Test
    void testFutureGatherResultExceptionSuccess() {
        checkSuccess(List::copyOf, true);
    }

    @Test
    void testFutureGatherOneException() {
        checkOneException(List::copyOf);
    }

    @Test
    void testFutureGatherReturnExceptions() {
        checkReturnExceptions(List::copyOf);
    }

    @Test
    void testCoroutineGatherSuccess() {
        checkSuccess(TasksCombinatorsConformanceTest::coroutines, false);
    }

    @Test
    void testCoroutineGatherResultExceptionSuccess() {
        checkSuccess(TasksCombinatorsConformanceTest::coroutines, true);
    }

    @Test
    void testCoroutineGatherOneException() {
        checkOneException(TasksCombinatorsConformanceTest::coroutines);
    }

    @Test
    void testCoroutineGatherReturnExceptions() {
        checkReturnExceptions(TasksCombinatorsConformanceTest::coroutines);
    }

    @Test
    void testConstructorEmptySequenceWithoutLoop() throws InterruptedException {
        assertInstanceOf(IllegalStateException.class, TasksConformanceTest.thrownOnAThreadWithoutLoop(() -> AsyncIO.gather()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void testConstructorEmptySequenceUseRunningLoop() {
        Future<List<Object>>[] fut = new Future[1];
        loop.runUntilComplete(Steps.inTurn(then(() -> fut[0] = AsyncIO.gather())));
        assertSame(loop, fut[0].getLoop());
        settle();
        assertTrue(fut[0].done());
        assertEquals(List.of(), fut[0].result());
    }

    @Test
    void testConstructorEmptySequenceUseGlobalLoop() {
        Future<List<Object>> fut = AsyncIO.gather();
        assertSame(loop, fut.getLoop());
        settle();
        assertTrue(fut.done());
        assertEquals(List.of(), fut.result());
    }

    @Test
    void testConstructorHeterogenousFutures() {
        VirtualTimeLoop other = VirtualTimeLoop.create();
        try {
            Future<Object> fut1 = loop.createFuture();
            Future<Object> fut2 = other.createFuture();
            assertThrows(IllegalArgumentException.class, () -> AsyncIO.gather(fut1, fut2));
        } finally {
            other.close();
        }
    }

    @Test
    void testConstructorHomogenousFutures() {
        VirtualTimeLoop other = VirtualTimeLoop.create();
        try {
            List<Future<Object>> children = List.of(other.createFuture(), other.createFuture(), other.createFuture());
            Future<List<Object>> fut = AsyncIO.gather(children);
            assertSame(other, fut.getLoop());
            assertFalse(fut.done());
        } finally {
            other.close();
        }
    }

    @Test
    void testOneCancellation() {
        List<Future<Object>> fs = futures(5);
        Future<List<Object>> fut = AsyncIO.gather(fs);
        List<Object> calls = new ArrayList<>();
        fut.addDoneCallback(calls::add);
        fs.get(0).setResult(1);
        fs.get(1).cancel();
        settle();
        assertTrue(fut.done());
        assertEquals(List.of(fut), calls);
        assertFalse(fut.cancelled());
        assertInstanceOf(CancelledException.class, fut.exception());
        // does nothing
        fs.get(2).setResult(3);
        fs.get(3).cancel();
        fs.get(4).setException(new RuntimeException());
        fs.get(4).exception();
    }

    @Test
    void testResultExceptionOneCancellation() {
        List<Future<Object>> fs = futures(6);
        Future<List<Object>> fut = AsyncIO.gather(true, fs);
        List<Object> calls = new ArrayList<>();
        fut.addDoneCallback(calls::add);
        fs.get(0).setResult(1);
        ArithmeticException zde = new ArithmeticException();
        fs.get(1).setException(zde);
        fs.get(2).cancel();
        settle();
        assertFalse(fut.done());
        fs.get(3).setResult(3);
        fs.get(4).cancel();
        RuntimeException rte = new RuntimeException();
        fs.get(5).setException(rte);
        List<Object> res = new ArrayList<>(loop.runUntilComplete(fut));
        assertInstanceOf(CancelledException.class, res.get(2));
        assertInstanceOf(CancelledException.class, res.get(4));
        res.set(2, null);
        res.set(4, null);
        assertEquals(Arrays.asList(1, zde, null, 3, null, rte), res);
        assertEquals(List.of(fut), calls);
    }

    @Test
    @SuppressWarnings("unchecked")
    void testConstructorUseRunningLoop() {
        Future<List<Object>>[] fut = new Future[1];
        loop.runUntilComplete(Steps.inTurn(then(() -> fut[0] = AsyncIO.gather(returning("abc"), returning("abc")))));
        assertSame(loop, fut[0].getLoop());
        assertEquals(List.of("abc", "abc"), loop.runUntilComplete(fut[0]));
    }

    @Test
    void testConstructorUseGlobalLoop() {
        VirtualTimeLoop other = VirtualTimeLoop.create();
        AsyncIO.setEventLoop(other);
        try {
            Future<List<Object>> fut = AsyncIO.gather(returning("abc"), returning("abc"));
            assertSame(other, fut.getLoop());
            assertEquals(List.of("abc", "abc"), other.runUntilComplete(fut));
        } finally {
            AsyncIO.setEventLoop(loop);
            other.close();
        }
    }

    @Test
    void testDuplicateCoroutines() {
        Task<Object> c = returning("abc");
        Future<List<Object>> fut = AsyncIO.gather(c, c, returning("def"), c);
        settle();
        assertEquals(List.of("abc", "abc", "def", "abc"), fut.result());
    }

    @Test
    @SuppressWarnings("unchecked")
    void testCancellationBroadcast() {
        // cancelling outer() cancels all children
        int[] proof = {0};
        Future<Object> waiter = loop.createFuture();
        Task<Object> child1 = AsyncIO.ensureFuture(() -> Steps.inTurn(v -> waiter, then(() -> proof[0] += 1)));
        Task<Object> child2 = AsyncIO.ensureFuture(() -> Steps.inTurn(v -> waiter, then(() -> proof[0] += 1)));
        Future<List<Object>>[] gatherer = new Future[1];
        Task<Object> f = AsyncIO.ensureFuture(() -> Steps.inTurn(v -> gatherer[0] = AsyncIO.gather(child1, child2),
                then(() -> proof[0] += 100)));
        spin(2);
        assertTrue(f.cancel());
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(f));
        assertFalse(gatherer[0].cancel());
        assertTrue(waiter.cancelled());
        assertTrue(child1.cancelled());
        assertTrue(child2.cancelled());
        spin(2);
        assertEquals(0, proof[0]);
    }

    @Test
    void testExceptionMarking() {
        List<Map<String, Object>> reports = new ArrayList<>();
        loop.setExceptionHandler((l, context) -> reports.add(context));
        Future<Object> a = loop.createFuture();
        Future<Object> b = loop.createFuture();
        // inner(f): await f; raise RuntimeError('should not be ignored'); outer(): await gather(inner(a), inner(b))
        Function<Future<Object>, Task<Object>> inner = fut -> Steps.inTurn(v -> fut, v -> {
            throw new RuntimeException("should not be ignored");
        });
        Task<Object> f = AsyncIO.ensureFuture(() -> Steps.inTurn(v -> AsyncIO.gather(inner.apply(a), inner.apply(b))));
        spin(2);
        a.setResult(null);
        spin(2);
        b.setResult(null);
        spin(2);
        assertInstanceOf(RuntimeException.class, f.exception());
        loop.close();
        assertEquals(List.of(), reports, "the second child's exception was marked retrieved by gather");
    }
}
