package org.jasyncio.tasks;

import static org.jasyncio.testing.Steps.then;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jasyncio.AsyncIO;
import org.jasyncio.AsyncIterator;
import org.jasyncio.EventLoopPolicy;
import org.jasyncio.Task;
import org.jasyncio.iteration.Collect;
import org.jasyncio.iteration.Script;
import org.jasyncio.testing.Steps;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code Lib/test/test_asyncio/test_runners.py}, the tests of {@code asyncio.run} that apply
 * ({@code docs/conformance.md} lists all), each named after the CPython test it ports. As CPython's
 * {@code BaseTest} installs a policy making test loops, these install one making virtual-time loops.
 */
class RunnersConformanceTest {
    private EventLoopPolicy previous;

    @BeforeEach
    void installVirtualLoops() {
        previous = AsyncIO.getEventLoopPolicy();
        AsyncIO.setEventLoopPolicy(new EventLoopPolicy(VirtualTimeLoop::create));
    }

    @AfterEach
    void restorePolicy() {
        AsyncIO.setEventLoopPolicy(previous);
    }

    @Test
    void testAsyncioRunReturn() {
        assertEquals(42, AsyncIO.run(() -> Steps.inTurn(v -> AsyncIO.sleep(0), v -> Task.completed(42))));
    }

    @Test
    void testAsyncioRunRaises() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AsyncIO.run(() -> Steps.inTurn(v -> AsyncIO.sleep(0), v -> {
                    throw new IllegalArgumentException("spam");
                })));
        assertEquals("spam", error.getMessage());
    }

    @Test
    void testAsyncioRunDebug() {
        List<Boolean> debug = new ArrayList<>();
        Runnable main = () -> debug.add(AsyncIO.getEventLoop().getDebug());
        AsyncIO.run(() -> Steps.inTurn(then(main)));
        AsyncIO.run(() -> Steps.inTurn(then(main)), true);
        AsyncIO.run(() -> Steps.inTurn(then(main)), false);
        assertEquals(List.of(false, true, false), debug);
    }

    @Test
    void testAsyncioRunFromRunningLoop() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> AsyncIO.run(() -> Steps.inTurn(then(() -> AsyncIO.run(() -> Task.completed(1))))));
        assertTrue(error.getMessage().contains("cannot be called from a running"), error.getMessage());
    }

    @Test
    void testAsyncioRunCancelsHangingTasks() {
        List<Task<Object>> loTask = new ArrayList<>();
        assertEquals(123, AsyncIO.run(() -> Steps.inTurn(
                then(() -> loTask.add(AsyncIO.createTask(() -> Steps.inTurn(v -> AsyncIO.sleep(0.1)))))
                , v -> Task.completed(123))));
        assertTrue(loTask.get(0).done());
    }

    @Test
    void testAsyncioRunReportsHangingTasksErrors() {
        List<Task<Object>> loTask = new ArrayList<>();
        List<Map<String, Object>> reports = new ArrayList<>();
        assertEquals(123, AsyncIO.run(() -> Steps.inTurn(then(() -> {
            AsyncIO.getRunningLoop().setExceptionHandler((loop, context) -> reports.add(context));
            // leftover(): try: await sleep(0.1) except CancelledError: 1 / 0
            loTask.add(AsyncIO.createTask(() -> Bodies.awaitRecovering(AsyncIO.sleep(0.1), t -> {
                throw new ArithmeticException("division by zero");
            })));
        }), v -> Task.completed(123))));
        assertTrue(loTask.get(0).done());
        Map<String, Object> report = reports.get(reports.size() - 1);
        String message = (String) report.get("message");
        assertTrue(Pattern.compile("AsyncIO\\.run.*shutdown").matcher(message).find(), message); // asyncio's re.search
        assertSame(loTask.get(0), report.get("task"));
        assertInstanceOf(ArithmeticException.class, report.get("exception"));
    }

    @Test
    void testAsyncioRunClosesGensAfterHangingTasksErrors() {
        class FancyExit extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
        List<String> spinnerLog = new ArrayList<>();
        List<Task<Object>> lazyboy = new ArrayList<>();
        // fidget(): while True: yield 1; await asyncio.sleep(1)
        Iterator<Object> fidget = new Iterator<>() {
            private int step;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Object next() {
                return step++ % 2 == 0 ? 1 : AsyncIO.sleep(1);
            }
        };
        // spin(): spinner = fidget(); try: async for _ in spinner: pass except CancelledError: 1 / 0
        Supplier<Task<Object>> spin = () -> Bodies.awaitRecovering(
                Collect.all(AsyncIterator.generate(() -> Script.script(fidget, spinnerLog))), t -> {
                    throw new ArithmeticException("division by zero");
                });
        assertThrows(FancyExit.class, () -> AsyncIO.run(() -> Steps.inTurn(then(() -> {
            AsyncIO.getRunningLoop().setExceptionHandler((loop, context) -> { });
            lazyboy.add(AsyncIO.createTask(spin));
            throw new FancyExit();
        }))));
        assertTrue(lazyboy.get(0).done());
        assertEquals(List.of("finally CancelledException"), spinnerLog, "the generator was closed: its finally ran");
    }
}
