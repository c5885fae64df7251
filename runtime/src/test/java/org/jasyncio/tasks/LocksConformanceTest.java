package org.jasyncio.tasks;

import static org.jasyncio.testing.Steps.DONE;
import static org.jasyncio.testing.Steps.then;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jasyncio.AsyncIO;
import org.jasyncio.BoundedSemaphore;
import org.jasyncio.CancelledException;
import org.jasyncio.Condition;
import org.jasyncio.Event;
import org.jasyncio.Future;
import org.jasyncio.Lock;
import org.jasyncio.Semaphore;
import org.jasyncio.Task;
import org.jasyncio.TimeoutException;
import org.jasyncio.sync.LoopFixture;
import org.jasyncio.testing.Steps;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code Lib/test/test_asyncio/test_locks.py} for Lock, Event, Condition and Semaphore (the
 * Barrier tests are {@link BarrierConformanceTest}), each test named after the CPython test it ports
 * ({@code docs/conformance.md} lists all). CPython's tests are coroutines; here the test drives the
 * loop: asyncio's {@code await asyncio.sleep(0)} in the test is {@code spin(1)}, one iteration, and
 * {@code await t} is {@code loop.runUntilComplete(t)}. The coroutines the tests start are
 * {@link Steps#inTurn} bodies; asyncio's {@code async with lock:} is acquire, then a body whose
 * cleanup releases ({@link Bodies#awaitWithCleanup}).
 */
class LocksConformanceTest extends LoopFixture {
    private final List<Integer> result = new ArrayList<>();

    /**
     * {@code asyncio.create_task(coro())}, {@code coro} awaiting each step in turn: the @Async call made
     * while the loop is not running is a task that starts on the loop's next iteration.
     */
    @SafeVarargs
    private static Task<Object> start(Function<Object, ?>... steps) {
        return Steps.inTurn(steps);
    }


    /** The last step of CPython's {@code c1..c4}: {@code if <awaited>: result.append(n); [release()]; return True}. */
    private Function<Object, ?> appendIfTrue(int n, Runnable releaseAfter) {
        return v -> {
            if (Boolean.TRUE.equals(v)) {
                result.add(n);
                releaseAfter.run();
            }
            return Task.completed(Boolean.TRUE);
        };
    }

    /** CPython's {@code c<n>}: {@code if await wait(): result.append(n); return True}. */
    private Task<Object> appender(int n, Supplier<? extends Future<?>> wait) {
        return start(v -> wait.get(), appendIfTrue(n, () -> { }));
    }

    // ---- LockTests

    @Test
    void testRepr() {
        Lock lock = new Lock();
        assertEquals("<Lock [unlocked]>", lock.toString());
        assertTrue(lock.acquire().result());
        assertEquals("<Lock [locked]>", lock.toString());
    }

    @Test
    void testAcquire() {
        Lock lock = new Lock();
        assertTrue(lock.acquire().result());
        Task<Object> t1 = appender(1, lock::acquire);
        Task<Object> t2 = appender(2, lock::acquire);
        spin(1);
        assertEquals(List.of(), result);
        lock.release();
        spin(1);
        assertEquals(List.of(1), result);
        spin(1);
        assertEquals(List.of(1), result);
        Task<Object> t3 = appender(3, lock::acquire);
        lock.release();
        spin(1);
        assertEquals(List.of(1, 2), result);
        lock.release();
        spin(1);
        assertEquals(List.of(1, 2, 3), result);
        for (Task<Object> t : List.of(t1, t2, t3)) {
            assertTrue(t.done());
            assertEquals(Boolean.TRUE, t.result());
        }
    }

    @Test
    void testAcquireCancel() {
        Lock lock = new Lock();
        assertTrue(lock.acquire().result());
        Task<Object> task = start(v -> lock.acquire());
        loop.callSoon(task::cancel);
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(task));
        assertEquals("<Lock [locked]>", lock.toString(), "no waiter is left");
    }

    /** CPython's {@code lockit(name, blocker)}: acquire, await the blocker if any, release in a finally. */
    private Task<Object> lockit(Lock lock, Future<?> blocker) {
        return Steps.holding(lock::acquire, lock::release, () -> blocker == null ? DONE : blocker);
    }

    @Test
    void testCancelRace() {
        Lock lock = new Lock();
        Future<Object> fa = loop.createFuture();
        Task<Object> ta = lockit(lock, fa);
        spin(1);
        assertTrue(lock.locked());
        Task<Object> tb = lockit(lock, null);
        spin(1);
        assertEquals("<Lock [locked, waiters:1]>", lock.toString());
        Task<Object> tc = lockit(lock, null);
        spin(1);
        assertEquals("<Lock [locked, waiters:2]>", lock.toString());

        fa.setResult(null);
        tb.cancel();
        spin(1);
        assertFalse(lock.locked(), "handed to tc, past the cancelled tb; unlocked until tc resumes");
        assertTrue(ta.done());
        assertTrue(tb.cancelled());
        loop.runUntilComplete(tc);
        assertFalse(lock.locked());
    }

    @Test
    void testCancelReleaseRace() {
        Lock lock = new Lock();
        int[] lockCount = {0};
        int[] callCount = {0};
        Supplier<Task<Object>> lockit = () -> start(v -> {
            callCount[0]++;
            return lock.acquire();
        }, then(() -> lockCount[0]++));
        assertTrue(lock.acquire().result());
        Task<Object> t1 = lockit.get();
        Task<Object> t2 = lockit.get();
        Task<Object> t3 = lockit.get();
        spin(1);
        loop.callSoon(() -> {
            t1.cancel();
            lock.release();
        });
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t1));
        assertEquals(1, lockCount[0], "only one lock was taken");
        assertEquals(3, callCount[0]);
        assertTrue(t1.cancelled() && t2.done());
        t3.cancel();
        spin(1);
        assertTrue(t3.cancelled());
    }

    @Test
    void testFinishedWaiterCancelled() {
        Lock lock = new Lock();
        assertTrue(lock.acquire().result());
        Task<Object> tb = start(v -> lock.acquire());
        spin(1);
        assertEquals("<Lock [locked, waiters:1]>", lock.toString());
        Task<Object> tc = start(v -> lock.acquire());
        tb.cancel();
        lock.release();
        spin(1);
        assertTrue(lock.locked());
        assertTrue(tb.cancelled());
        loop.runUntilComplete(tc);
    }

    @Test
    void testReleaseNotAcquired() {
        IllegalStateException error = assertThrows(IllegalStateException.class, new Lock()::release);
        assertEquals("Lock is not acquired.", error.getMessage());
    }

    @Test
    void testReleaseNoWaiters() {
        Lock lock = new Lock();
        assertTrue(lock.acquire().result());
        assertTrue(lock.locked());
        lock.release();
        assertFalse(lock.locked());
    }

    @Test
    void testContextManager() {
        Lock lock = new Lock();
        assertFalse(lock.locked());
        boolean[] lockedInside = {false};
        loop.runUntilComplete(Steps.holding(lock::acquire, lock::release, () -> {
            lockedInside[0] = lock.locked();
            return DONE;
        }));
        assertTrue(lockedInside[0]);
        assertFalse(lock.locked());
    }

    // ---- EventTests

    @Test
    void testEventRepr() {
        Event ev = new Event();
        assertEquals("<Event [unset]>", ev.toString());
        ev.set();
        assertEquals("<Event [set]>", ev.toString());
        ev.clear();
        ev.waitAsync(); // asyncio appends a mock to the private _waiters; a real waiter here
        assertEquals("<Event [unset, waiters:1]>", ev.toString());
    }

    @Test
    void testEventWait() {
        Event ev = new Event();
        assertFalse(ev.isSet());
        Task<Object> t1 = start(v -> ev.waitAsync(), then(() -> result.add(1)));
        Task<Object> t2 = start(v -> ev.waitAsync(), then(() -> result.add(2)));
        spin(1);
        assertEquals(List.of(), result);
        Task<Object> t3 = start(v -> ev.waitAsync(), then(() -> result.add(3)));
        ev.set();
        spin(1);
        assertEquals(List.of(3, 1, 2), result, "t3 finds the flag set before the woken ones resume");
        for (Task<Object> t : List.of(t1, t2, t3)) {
            assertTrue(t.done());
            assertNull(t.result());
        }
    }

    @Test
    void testWaitOnSet() {
        Event ev = new Event();
        ev.set();
        assertTrue(ev.waitAsync().result());
    }

    @Test
    void testEventWaitCancel() {
        Event ev = new Event();
        Task<Object> wait = start(v -> ev.waitAsync());
        loop.callSoon(wait::cancel);
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(wait));
        assertEquals("<Event [unset]>", ev.toString(), "no waiter is left");
    }

    @Test
    void testClear() {
        Event ev = new Event();
        assertFalse(ev.isSet());
        ev.set();
        assertTrue(ev.isSet());
        ev.clear();
        assertFalse(ev.isSet());
    }

    @Test
    void testClearWithWaiters() {
        Event ev = new Event();
        Task<Object> t = appender(1, ev::waitAsync);
        spin(1);
        assertEquals(List.of(), result);
        ev.set();
        ev.clear();
        assertFalse(ev.isSet());
        ev.set();
        ev.set();
        // asyncio still counts the woken waiter here (it leaves _waiters when it resumes); jasyncio at set()
        assertEquals("<Event [set]>", ev.toString());
        spin(1);
        assertEquals(List.of(1), result);
        assertTrue(t.done());
        assertEquals(Boolean.TRUE, t.result());
    }

    // ---- ConditionTests

    /** CPython's {@code c<n>} of the condition tests: acquire, {@code if await cond.wait(): append(n) [and release]}. */
    private Task<Object> conditionWaiter(Condition cond, int n, boolean releases) {
        return start(v -> cond.acquire(), v -> cond.waitAsync(), appendIfTrue(n, releases ? cond::release : () -> { }));
    }

    @Test
    void testConditionWait() {
        Condition cond = new Condition();
        Task<Object> t1 = conditionWaiter(cond, 1, false);
        Task<Object> t2 = conditionWaiter(cond, 2, false);
        Task<Object> t3 = conditionWaiter(cond, 3, false);
        spin(1);
        assertEquals(List.of(), result);
        assertFalse(cond.locked());

        assertTrue(cond.acquire().result());
        cond.signal();
        spin(1);
        assertEquals(List.of(), result);
        assertTrue(cond.locked());

        cond.release();
        spin(1);
        assertEquals(List.of(1), result);
        assertTrue(cond.locked());

        cond.signal(2);
        spin(1);
        assertEquals(List.of(1), result);
        assertTrue(cond.locked());

        cond.release();
        spin(1);
        assertEquals(List.of(1, 2), result);
        assertTrue(cond.locked());

        cond.release();
        spin(1);
        assertEquals(List.of(1, 2, 3), result);
        assertTrue(cond.locked());

        for (Task<Object> t : List.of(t1, t2, t3)) {
            assertTrue(t.done());
            assertEquals(Boolean.TRUE, t.result());
        }
    }

    @Test
    void testConditionWaitCancel() {
        Condition cond = new Condition();
        assertTrue(cond.acquire().result());
        Task<Object> wait = start(v -> cond.waitAsync());
        loop.callSoon(wait::cancel);
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(wait));
        assertEquals("<Condition [locked]>", cond.toString(), "no waiter is left, and the lock is held again");
    }

    @Test
    void testWaitCancelContested() {
        Condition cond = new Condition();
        assertTrue(cond.acquire().result());
        assertTrue(cond.locked());
        Task<Object> waitTask = start(v -> cond.waitAsync());
        spin(1);
        assertFalse(cond.locked());

        assertTrue(cond.acquire().result());
        assertTrue(cond.locked());
        cond.signal();
        loop.callSoon(waitTask::cancel);
        loop.callSoon(cond::release);
        // asyncio's test accepts either outcome of the wait: what it checks is that the lock is held after
        loop.runUntilComplete(loop.createTask(() -> Bodies.awaitOrElse(waitTask, null)));
        assertTrue(cond.locked());
    }

    @Test
    void testWaitCancelAfterNotify() {
        Condition cond = new Condition();
        boolean[] waited = {false};
        Task<Object> waiter = Steps.holding(cond::acquire, cond::release, () -> {
            waited[0] = true; // make sure this area was reached
            return cond.waitAsync();
        });
        spin(1); // start waiting
        assertTrue(cond.acquire().result());
        cond.signal();
        spin(1); // get to acquire()
        waiter.cancel();
        spin(1); // activate cancellation
        cond.release();
        spin(1); // cancellation should occur
        assertTrue(waiter.cancelled());
        assertTrue(waited[0]);
    }

    @Test
    void testWaitUnacquired() {
        IllegalStateException error = assertThrows(IllegalStateException.class, new Condition()::waitAsync);
        assertEquals("cannot wait on un-acquired lock", error.getMessage());
    }

    @Test
    void testWaitFor() {
        Condition cond = new Condition();
        boolean[] presult = {false};
        Task<Object> t = start(v -> cond.acquire(), v -> cond.waitFor(() -> presult[0]), appendIfTrue(1, cond::release));
        spin(1);
        assertEquals(List.of(), result);

        assertTrue(cond.acquire().result());
        cond.signal();
        cond.release();
        settle(); // asyncio: 1 iteration; here the wait takes the lock, then the predicate is asked
        assertEquals(List.of(), result);

        presult[0] = true;
        assertTrue(cond.acquire().result());
        cond.signal();
        cond.release();
        settle(); // asyncio: 1 iteration; here the wait takes the lock, then the predicate is asked
        assertEquals(List.of(1), result);
        assertTrue(t.done());
        assertEquals(Boolean.TRUE, t.result());
    }

    @Test
    void testWaitForUnacquired() {
        Condition cond = new Condition();
        assertTrue(cond.waitFor(() -> true).result(), "a predicate true at once needs no lock");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> cond.waitFor(() -> false));
        assertEquals("cannot wait on un-acquired lock", error.getMessage());
    }

    @Test
    void testNotify() {
        Condition cond = new Condition();
        Task<Object> t1 = conditionWaiter(cond, 1, true);
        Task<Object> t2 = conditionWaiter(cond, 2, true);
        Task<Object> t3 = conditionWaiter(cond, 3, true);
        spin(1);
        assertEquals(List.of(), result);

        assertTrue(cond.acquire().result());
        cond.signal(1);
        cond.release();
        settle(); // asyncio: 1 iteration; here the woken wait takes the lock, then its task resumes
        assertEquals(List.of(1), result);

        assertTrue(cond.acquire().result());
        cond.signal(1);
        cond.signal(2048);
        cond.release();
        settle(); // asyncio: 1 iteration; here one more per waiter that waits for the lock
        assertEquals(List.of(1, 2, 3), result);
        for (Task<Object> t : List.of(t1, t2, t3)) {
            assertTrue(t.done());
            assertEquals(Boolean.TRUE, t.result());
        }
    }

    @Test
    void testNotifyAll() {
        Condition cond = new Condition();
        Task<Object> t1 = conditionWaiter(cond, 1, true);
        Task<Object> t2 = conditionWaiter(cond, 2, true);
        spin(1);
        assertEquals(List.of(), result);

        assertTrue(cond.acquire().result());
        cond.signalAll();
        cond.release();
        settle(); // asyncio: 1 iteration, as in testNotify
        assertEquals(List.of(1, 2), result);
        assertEquals(Boolean.TRUE, t1.result());
        assertEquals(Boolean.TRUE, t2.result());
    }

    @Test
    void testNotifyUnacquired() {
        IllegalStateException error = assertThrows(IllegalStateException.class, new Condition()::signal);
        assertEquals("cannot notify on un-acquired lock", error.getMessage());
    }

    @Test
    void testNotifyAllUnacquired() {
        IllegalStateException error = assertThrows(IllegalStateException.class, new Condition()::signalAll);
        assertEquals("cannot notify on un-acquired lock", error.getMessage());
    }

    @Test
    void testConditionRepr() {
        Condition cond = new Condition();
        assertEquals("<Condition [unlocked]>", cond.toString());
        assertTrue(cond.acquire().result());
        assertEquals("<Condition [locked]>", cond.toString());
        // asyncio appends mocks to the private _waiters; real waiters here
        start(v -> cond.acquire(), v -> cond.waitAsync());
        start(v -> cond.acquire(), v -> cond.waitAsync());
        cond.release();
        spin(2);
        assertEquals("<Condition [unlocked, waiters:2]>", cond.toString());
    }

    @Test
    void testConditionContextManager() {
        Condition cond = new Condition();
        assertFalse(cond.locked());
        boolean[] lockedInside = {false};
        loop.runUntilComplete(Steps.holding(cond::acquire, cond::release, () -> {
            lockedInside[0] = cond.locked();
            return DONE;
        }));
        assertTrue(lockedInside[0]);
        assertFalse(cond.locked());
    }

    @Test
    void testExplicitLock() {
        Lock shared = new Lock();
        for (Lock lock : List.of(new Lock(), shared)) {
            for (Condition cond : List.of(new Condition(lock), new Condition(lock))) {
                assertFalse(lock.locked());
                assertFalse(cond.locked());
                assertTrue(cond.acquire().result());
                assertTrue(lock.locked());
                assertTrue(cond.locked());
                cond.release();
                assertFalse(lock.locked());
                assertFalse(cond.locked());
                assertTrue(lock.acquire().result());
                assertTrue(lock.locked());
                assertTrue(cond.locked());
                lock.release();
                assertFalse(lock.locked());
                assertFalse(cond.locked());
            }
        }
    }

    @Test
    void testTimeoutInBlock() {
        Condition cond = new Condition();
        Task<Object> task = start(v -> cond.acquire(),
                v -> Bodies.awaitRecovering(AsyncIO.waitFor(cond.waitAsync(), 0.5), t -> t));
        assertTrue(loop.runUntilComplete(task) instanceof TimeoutException);
        assertTrue(cond.locked(), "the cancelled wait took the lock again");
    }

    // ---- SemaphoreTests

    @Test
    void testInitialValueZero() {
        assertTrue(new Semaphore(0).locked());
    }

    @Test
    void testSemaphoreRepr() {
        Semaphore sem = new Semaphore();
        assertEquals("<Semaphore [unlocked, value:1]>", sem.toString());
        assertTrue(sem.acquire().result());
        assertEquals("<Semaphore [locked]>", sem.toString());
        // asyncio appends mocks to the private _waiters; real waiters here
        sem.acquire();
        assertEquals("<Semaphore [locked, waiters:1]>", sem.toString());
        sem.acquire();
        assertEquals("<Semaphore [locked, waiters:2]>", sem.toString());
    }

    @Test
    void testSemaphoreValue() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
        assertEquals("Semaphore initial value must be >= 0", error.getMessage());
    }

    @Test
    void testSemaphoreAcquire() {
        Semaphore sem = new Semaphore(3);
        assertTrue(sem.acquire().result());
        assertTrue(sem.acquire().result());
        assertFalse(sem.locked());
        Task<Object> t1 = start(v -> sem.acquire(), appendIfTrue(1, () -> { }));
        Task<Object> t2 = start(v -> sem.acquire(), appendIfTrue(2, () -> { }));
        Task<Object> t3 = start(v -> sem.acquire(), appendIfTrue(3, () -> { }));
        spin(1);
        assertEquals(List.of(1), result);
        assertTrue(sem.locked());
        assertEquals("<Semaphore [locked, waiters:2]>", sem.toString(), "value 0, two waiters");

        Task<Object> t4 = start(v -> sem.acquire(), appendIfTrue(4, () -> { }));
        sem.release();
        sem.release();
        assertEquals("<Semaphore [locked, waiters:2]>", sem.toString(), "both permits handed over: value 0");

        spin(1);
        assertEquals(3, result.size());
        assertTrue(sem.locked());
        assertEquals("<Semaphore [locked, waiters:1]>", sem.toString(), "value 0, one waiter");
        assertTrue(t1.done());
        assertEquals(Boolean.TRUE, t1.result());
        List<Task<Object>> raceTasks = List.of(t2, t3, t4);
        assertEquals(2, raceTasks.stream().filter(t -> t.done() && Boolean.TRUE.equals(t.result())).count());

        sem.release();
        loop.runUntilComplete(AsyncIO.gather(raceTasks));
    }

    @Test
    void testSemaphoreAcquireCancel() {
        Semaphore sem = new Semaphore();
        assertTrue(sem.acquire().result());
        Task<Object> acquire = start(v -> sem.acquire());
        loop.callSoon(acquire::cancel);
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(acquire));
        assertEquals("<Semaphore [locked]>", sem.toString(), "no waiter is left");
    }

    @Test
    void testAcquireCancelBeforeAwoken() {
        Semaphore sem = new Semaphore(0);
        Task<Object> t1 = start(v -> sem.acquire());
        Task<Object> t2 = start(v -> sem.acquire());
        Task<Object> t3 = start(v -> sem.acquire());
        Task<Object> t4 = start(v -> sem.acquire());
        spin(1);
        t1.cancel();
        t2.cancel();
        sem.release();
        spin(2);
        assertTrue(t3.done());
        assertFalse(t4.done());
        t3.cancel();
        t4.cancel();
        spin(1);
    }

    @Test
    void testAcquireHang() {
        Semaphore sem = new Semaphore(0);
        Task<Object> t1 = start(v -> sem.acquire());
        Task<Object> t2 = start(v -> sem.acquire());
        spin(1);
        t1.cancel();
        sem.release();
        spin(2);
        assertTrue(sem.locked());
        assertTrue(t2.done());
    }

    @Test
    void testAcquireNoHang() {
        Semaphore sem = new Semaphore(1);
        Task<?>[] t2 = new Task<?>[1];
        // c1: async with sem: await sleep(0); then t2.cancel(), in the step that leaves the block
        Task<Object> t1 = Steps.holding(sem::acquire, () -> {
            sem.release();
            t2[0].cancel();
        }, () -> AsyncIO.sleep(0));
        t2[0] = Steps.holding(sem::acquire, sem::release, () -> {
            throw new AssertionError("c2 must not get the semaphore");
        });
        List<Object> results = loop.runUntilComplete(AsyncIO.gather(true, t1, t2[0]));
        assertNull(results.get(0));
        assertTrue(results.get(1) instanceof CancelledException);
        loop.runUntilComplete(AsyncIO.waitFor(sem.acquire(), 1.0));
    }

    @Test
    void testSemaphoreReleaseNotAcquired() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, new BoundedSemaphore()::release);
        assertEquals("BoundedSemaphore released too many times", error.getMessage());
    }

    @Test
    void testSemaphoreReleaseNoWaiters() {
        Semaphore sem = new Semaphore();
        assertTrue(sem.acquire().result());
        assertTrue(sem.locked());
        sem.release();
        assertFalse(sem.locked());
    }

    @Test
    void testAcquireFifoOrder() {
        Semaphore sem = new Semaphore(1);
        List<String> order = new ArrayList<>();
        Function<String, Task<Object>> coro = tag -> start(
                v -> sem.acquire(), then(() -> order.add(tag + "_1")), v -> AsyncIO.sleep(0.01), then(sem::release),
                v -> sem.acquire(), then(() -> order.add(tag + "_2")), v -> AsyncIO.sleep(0.01), then(sem::release));
        loop.runUntilComplete(AsyncIO.gather(coro.apply("c1"), coro.apply("c2"), coro.apply("c3")));
        assertEquals(List.of("c1_1", "c2_1", "c3_1", "c1_2", "c2_2", "c3_2"), order);
    }

    @Test
    void testAcquireFifoOrder2() {
        Semaphore sem = new Semaphore(1);
        Task<Object> t1 = start(v -> sem.acquire(), then(() -> result.add(1)));
        Task<Object> t2 = start(v -> sem.acquire(), then(() -> result.add(2)), then(sem::release),
                v -> sem.acquire(), then(() -> result.add(4)));
        Task<Object> t3 = start(v -> sem.acquire(), then(() -> result.add(3)));
        spin(1);
        sem.release();
        sem.release();
        loop.runUntilComplete(AsyncIO.gather(t1, t2, t3));
        assertEquals(List.of(1, 2, 3, 4), result);
    }

    @Test
    void testAcquireFifoOrder3() {
        Semaphore sem = new Semaphore(0);
        Task<Object> t1 = start(v -> sem.acquire(), then(() -> result.add(1)));
        Task<Object> t2 = start(v -> sem.acquire(), then(() -> result.add(2)));
        Task<Object> t3 = start(v -> sem.acquire(), then(() -> result.add(3)));
        spin(1);
        t1.cancel();
        spin(1);
        sem.release();
        sem.release();
        loop.runUntilComplete(AsyncIO.gather(true, t1, t2, t3));
        assertEquals(List.of(2, 3), result);
    }
}
