package org.jasyncio.debugging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.jasyncio.AsyncStackTrace;
import org.jasyncio.CancelledException;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;
import org.jasyncio.testing.Relay;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncStackTraceTest {
    private final VirtualTimeLoop loop = VirtualTimeLoop.create();
    private final Future<Object> gate = loop.createFuture();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** outer awaits middle awaits inner awaits the gate, each suspended. */
    private Task<Object> chain() {
        Future<Task<Object>> outer = loop.createFuture();
        loop.callSoon(() -> {
            Task<Object> inner = Relay.relay("pkg.Inner.inner(Inner.java)", 30, gate);
            Task<Object> middle = Relay.relay("pkg.Middle.middle(Middle.java)", 20, inner);
            outer.setResult(Relay.relay("pkg.Outer.outer(Outer.java)", 10, middle));
        });
        return loop.runUntilComplete(outer);
    }

    @Test
    void aFailureCarriesEveryAwaitingMethodAndLineInnermostFirst() {
        Task<Object> outer = chain();
        IllegalStateException boom = new IllegalStateException("boom");
        gate.setException(boom);
        Throwable thrown = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(outer));
        assertSame(boom, thrown);
        assertEquals(List.of(
                new StackTraceElement("pkg.Inner", "inner", "Inner.java", 30),
                new StackTraceElement("pkg.Middle", "middle", "Middle.java", 20),
                new StackTraceElement("pkg.Outer", "outer", "Outer.java", 10)), AsyncStackTrace.of(boom));
        StringWriter printed = new StringWriter();
        boom.printStackTrace(new PrintWriter(printed, true));
        String nl = System.lineSeparator();
        assertTrue(printed.toString().contains("Suppressed: org.jasyncio.AsyncStackTrace: awaited by, innermost first"
                + nl + "\t\tat pkg.Inner.inner(Inner.java:30)" + nl + "\t\tat pkg.Middle.middle(Middle.java:20)" + nl
                + "\t\tat pkg.Outer.outer(Outer.java:10)" + nl), printed.toString());
        assertEquals(1, boom.getSuppressed().length);
    }

    @Test
    void aCheckedFailureIsRecordedAndStaysTheSameObject() {
        Task<Object> outer = chain();
        Exception checked = new Exception("checked");
        gate.setException(checked);
        assertSame(checked, assertThrows(Exception.class, () -> loop.runUntilComplete(outer)));
        assertEquals(3, AsyncStackTrace.of(checked).size());
    }

    @Test
    void cancellationRecordsNothing() {
        Task<Object> outer = chain();
        gate.cancel("stop");
        CancelledException thrown = assertThrows(CancelledException.class, () -> loop.runUntilComplete(outer));
        assertEquals("stop", thrown.getMessage());
        assertEquals(List.of(), AsyncStackTrace.of(thrown));
        assertEquals(0, thrown.getSuppressed().length);
    }

    @Test
    void awaitingAnAlreadyFailedFutureRecordsTheAwaitingBodyFromTheStack() {
        IllegalStateException boom = new IllegalStateException("earlier");
        gate.setException(boom);
        Future<Task<Object>> relayed = loop.createFuture();
        loop.callSoon(() -> relayed.setResult(Relay.relay("ignored.Where.never(Where.java)", 1, gate)));
        Task<Object> task = loop.runUntilComplete(relayed);
        assertSame(boom, task.exception());
        List<StackTraceElement> frames = AsyncStackTrace.of(boom);
        assertEquals(1, frames.size());
        assertEquals(Relay.class.getName(), frames.get(0).getClassName());
        assertEquals("relay", frames.get(0).getMethodName());
        assertEquals("Relay.java", frames.get(0).getFileName());
    }

    @Test
    void aCallThatFailedOnTheCallersOwnStackAddsNoFrame() {
        IllegalStateException boom = new IllegalStateException("synchronous");
        Future<Task<Object>> relayed = loop.createFuture();
        loop.callSoon(() -> relayed.setResult(Relay.relay("pkg.Outer.outer(Outer.java)", 10, failingCall(boom))));
        assertSame(boom, loop.runUntilComplete(relayed).exception());
        assertEquals(List.of(), AsyncStackTrace.of(boom));
    }

    /** The @Async body {@code throw failure;}: it fails before it ever suspends. */
    @SuppressWarnings("unchecked")
    private static Task<Object> failingCall(RuntimeException failure) {
        return (Task<Object>) Coroutine.fail(failure, null);
    }
}
