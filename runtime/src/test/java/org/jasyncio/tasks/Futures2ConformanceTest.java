package org.jasyncio.tasks;

import static org.jasyncio.testing.Steps.then;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jasyncio.AsyncIO;
import org.jasyncio.ContextVar;
import org.jasyncio.Task;
import org.jasyncio.sync.LoopFixture;
import org.jasyncio.testing.Relay;
import org.jasyncio.testing.Steps;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code Lib/test/test_asyncio/test_futures2.py}, each test named after the CPython test it
 * ports ({@code docs/conformance.md} lists all), in virtual time. CPython runs {@code FutureTests} for
 * the C and the Python task; jasyncio has one {@link Task}.
 */
class Futures2ConformanceTest extends LoopFixture {

    @Test
    void testFutureTraceback() {
        // raise_exc(): raise TypeError(42), after a first suspension so that the first await waits
        Task<Object> future = Steps.inTurn(v -> AsyncIO.sleep(0), v -> {
            throw new ClassCastException("42");
        });
        for (int i = 0; i < 5; i++) {
            // try: await future except TypeError as e: the traceback shows "await future" once
            Task<Object> main = loop.createTask(() -> Relay.relay("Example.main(Example.java)", 5, future));
            ClassCastException e = assertThrows(ClassCastException.class, () -> loop.runUntilComplete(main));
            long awaits = Arrays.stream(e.getStackTrace())
                    .filter(frame -> frame.getClassName().equals("Example") && frame.getMethodName().equals("main"))
                    .count();
            assertEquals(1, awaits, "await " + (i + 1) + ": " + Arrays.toString(e.getStackTrace()));
        }
    }

    @Test
    void testTaskExcHandlerCorrectContext() {
        // python/cpython#96704: the report of a task's unretrieved exception runs in the task's context
        ContextVar<String> name = new ContextVar<>("name", "foo");
        List<String> seen = new ArrayList<>();
        loop.setExceptionHandler((l, context) -> seen.add(name.get()));
        // task(): name.set('bar'); 1 / 0
        loop.createTask(() -> Steps.inTurn(then(() -> {
            name.set("bar");
            throw new ArithmeticException("/ by zero");
        })));
        spin(3);
        loop.close();
        assertEquals(List.of("bar"), seen);
    }

    @Test
    void testHandleExcHandlerCorrectContext() {
        ContextVar<String> name = new ContextVar<>("name", "foo");
        List<String> seen = new ArrayList<>();
        loop.setExceptionHandler((l, context) -> seen.add(name.get()));
        // callback(): name.set('bar'); 1 / 0
        loop.callSoon(() -> {
            name.set("bar");
            throw new ArithmeticException("/ by zero");
        });
        spin(1);
        assertEquals(List.of("bar"), seen);
    }

    @Test
    void testRecursiveReprForPendingTasks() {
        // func(): return asyncio.all_tasks() -- a set holding func's own task, whose repr shows that set
        Object tasks = loop.runUntilComplete(AsyncIO.waitFor(Steps.inTurn(v -> Task.completed(AsyncIO.allTasks())), 10));
        String repr = String.valueOf(tasks);
        assertTrue(repr.contains("..."), repr);
    }
}
