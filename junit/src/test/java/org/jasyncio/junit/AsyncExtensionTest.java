package org.jasyncio.junit;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Lock;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.opentest4j.AssertionFailedError;

class AsyncExtensionTest {
    private static final List<EventLoop> LOOPS_SEEN = new CopyOnWriteArrayList<>();

    @Async
    @AsyncTest
    Task<Void> anAsyncTestAwaitsOnAFreshRunningLoop() {
        checkFreshLoop();
        assertEquals("slept", await(sleep(0.01, "slept")));
        Lock lock = new Lock();
        await(lock.acquire());
        assertTrue(lock.locked());
        lock.release();
        return Task.completed();
    }

    @Async
    @AsyncTest(timeout = 5)
    Task<Void> everyAsyncTestGetsItsOwnLoop() {
        checkFreshLoop();
        await(sleep(0));
        return Task.completed();
    }

    private static void checkFreshLoop() {
        EventLoop loop = AsyncIO.getRunningLoop();
        assertFalse(LOOPS_SEEN.contains(loop), "a loop is never reused");
        assertEquals(loop, AsyncIO.getEventLoop());
        LOOPS_SEEN.add(loop);
    }

    @Test
    void aTestStillPendingAtItsTimeoutFailsWithADumpOfThePendingTasks() {
        Throwable failure = onlyFailureOf(Hangs.class);
        assertInstanceOf(TimeoutException.class, failure);
        String message = failure.getMessage();
        assertTrue(message.startsWith("Hangs.forever() timed out after 0.2 seconds; 2 pending tasks:\n"), message);
        assertTrue(message.contains("    at org.jasyncio.junit.AsyncExtensionTest$Hangs.inner(AsyncExtensionTest.java:"),
                message);
        assertTrue(message.contains("    at org.jasyncio.junit.AsyncExtensionTest$Hangs.forever(AsyncExtensionTest.java:"),
                message);
        assertTrue(message.contains("    awaiting <Future pending>\n"), message);
    }

    @Test
    void aFailingAssertionFailsTheTestWithTheAwaitChainInItsTrace() {
        Throwable failure = onlyFailureOf(Fails.class);
        assertInstanceOf(AssertionFailedError.class, failure);
        assertEquals("expected: <1> but was: <2>", failure.getMessage());
        List<String> fails = Arrays.stream(failure.getStackTrace())
                .filter(frame -> frame.getClassName().equals(Fails.class.getName()))
                .map(StackTraceElement::getMethodName).collect(Collectors.toList());
        assertEquals(List.of("check", "wrong"), fails, "the assertion's method, then the test that awaited it");
        assertEquals(0, failure.getSuppressed().length);
    }

    @Test
    void tasksLeftPendingAreCancelledWhenTheTestEnds() {
        TestExecutionSummary summary = run(Leaves.class);
        assertEquals(1, summary.getTestsSucceededCount());
        assertTrue(Leaves.leftover.cancelled());
    }

    private static Throwable onlyFailureOf(Class<?> testClass) {
        TestExecutionSummary summary = run(testClass);
        assertEquals(1, summary.getTotalFailureCount());
        return summary.getFailures().get(0).getException();
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .build(), listener);
        return listener.getSummary();
    }

    /** Run only through {@link #run}: it is meant to fail. */
    static class Hangs {
        @Async
        @AsyncTest(timeout = 0.2)
        Task<Void> forever() {
            await(inner());
            return Task.completed();
        }

        @Async
        static Task<Void> inner() {
            await(new Future<Void>());
            return Task.completed();
        }
    }

    /** Run only through {@link #run}: it is meant to fail. */
    static class Fails {
        @Async
        @AsyncTest
        Task<Void> wrong() {
            await(check(2));
            return Task.completed();
        }

        @Async
        static Task<Void> check(int value) {
            await(sleep(0));
            assertEquals(1, value);
            return Task.completed();
        }
    }

    /** Run only through {@link #run}. */
    static class Leaves {
        static Task<Void> leftover;

        @Async
        @AsyncTest
        Task<Void> leaves() {
            leftover = AsyncIO.createTask(() -> Hangs.inner());
            await(sleep(0));
            return Task.completed();
        }
    }
}
