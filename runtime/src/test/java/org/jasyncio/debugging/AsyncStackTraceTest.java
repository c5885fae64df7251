package org.jasyncio.debugging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;
import org.jasyncio.testing.Relay;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An exception that crossed awaits carries the awaiting {@code @Async} methods in its own stack
 * trace, in place of the event loop's frames, and nothing else about it changes.
 */
class AsyncStackTraceTest {
    private static final List<StackTraceElement> CHAIN = List.of(
            new StackTraceElement("pkg.Inner", "inner", "Inner.java", 30),
            new StackTraceElement("pkg.Middle", "middle", "Middle.java", 20),
            new StackTraceElement("pkg.Outer", "outer", "Outer.java", 10));

    private static final String ADOPTER = "pkg.Adopter.handOver(Adopter.java)";
    private static final StackTraceElement ADOPTER_RETURN = new StackTraceElement("pkg.Adopter", "handOver",
            "Adopter.java", Adopting.RETURN_LINE);

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

    /** Fails the gate from a loop callback with an exception made there, as I/O callbacks and timers do. */
    @SuppressWarnings("unchecked")
    private <E extends Throwable> E failGateOnTheLoop(Supplier<E> make) {
        Throwable[] made = new Throwable[1];
        loop.callSoon(() -> gate.setException(made[0] = make.get()));
        loop.runUntilComplete(loop.createTask(() -> Task.completed()));
        return (E) made[0];
    }

    private static boolean isLoopFrame(StackTraceElement frame) {
        return frame.getClassName().startsWith("org.jasyncio.EventLoop") || frame.getClassName().equals(
                Coroutine.class.getName()) || frame.getClassName().startsWith("org.junit");
    }

    @Test
    void theAwaitingMethodsReplaceTheLoopsFramesInnermostFirst() {
        Task<Object> outer = chain();
        Throwable[] made = new Throwable[1];
        loop.callSoon(() -> gate.setException(made[0] = new IllegalStateException("boom")));
        Throwable thrown = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(outer));
        assertSame(made[0], thrown);
        List<StackTraceElement> trace = Arrays.asList(thrown.getStackTrace());
        assertEquals(4, trace.size(), trace::toString);
        assertEquals(getClass().getName(), trace.get(0).getClassName(), "where it was made stays on top");
        assertEquals(CHAIN, trace.subList(1, 4));
        assertEquals(0, thrown.getSuppressed().length, "nothing hangs on the exception");
        StringWriter printed = new StringWriter();
        thrown.printStackTrace(new PrintWriter(printed, true));
        String nl = System.lineSeparator();
        assertTrue(printed.toString().contains("\tat pkg.Inner.inner(Inner.java:30)" + nl
                + "\tat pkg.Middle.middle(Middle.java:20)" + nl + "\tat pkg.Outer.outer(Outer.java:10)" + nl),
                printed.toString());
    }

    @Test
    void aCheckedFailureStaysTheSameObjectAndKeepsItsOwnSuppressed() {
        Task<Object> outer = chain();
        Exception checked = failGateOnTheLoop(() -> new Exception("checked"));
        IllegalArgumentException closing = new IllegalArgumentException("close");
        checked.addSuppressed(closing);
        assertSame(checked, assertThrows(Exception.class, () -> loop.runUntilComplete(outer)));
        List<StackTraceElement> trace = Arrays.asList(checked.getStackTrace());
        assertEquals(CHAIN, trace.subList(trace.size() - 3, trace.size()));
        assertTrue(trace.stream().noneMatch(AsyncStackTraceTest::isLoopFrame), trace::toString);
        assertArrayEquals(new Throwable[] {closing}, checked.getSuppressed());
    }

    @Test
    void cancellationRecordsNothing() {
        Task<Object> outer = chain();
        gate.cancel("stop");
        CancelledException thrown = assertThrows(CancelledException.class, () -> loop.runUntilComplete(outer));
        assertEquals("stop", thrown.getMessage());
        assertTrue(Arrays.stream(thrown.getStackTrace()).noneMatch(f -> f.getClassName().startsWith("pkg.")));
        assertEquals(0, thrown.getSuppressed().length);
    }

    @Test
    void aBodyFrameIsNamedAsTheMethodAndTheBridgeGoes() {
        Future<Task<Object>> started = loop.createFuture();
        IllegalStateException[] made = new IllegalStateException[1];
        loop.callSoon(() -> {
            Task<Object> failing = Relay.awaitThen(gate, value -> {
                throw made[0] = new IllegalStateException("in the body after its await");
            });
            started.setResult(Relay.relay("pkg.Outer.outer(Outer.java)", 10, failing));
        });
        Task<Object> outer = loop.runUntilComplete(started);
        loop.callSoon(() -> gate.setResult("go"));
        Throwable thrown = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(outer));
        assertSame(made[0], thrown);
        List<StackTraceElement> trace = Arrays.asList(made[0].getStackTrace());
        assertEquals(3, trace.size(), trace::toString);
        assertEquals(getClass().getName(), trace.get(0).getClassName(), "the lambda that threw");
        assertEquals(new StackTraceElement(Relay.class.getName(), "relay", "Relay.java", trace.get(1).getLineNumber()),
                trace.get(1), "relay$async, resumed through relay$resume");
        assertEquals(CHAIN.get(2), trace.get(2));
    }

    @Test
    void anExceptionFromALoopMethodTheBodyCalledKeepsThatMethodAndTheBody() {
        Future<Task<Object>> started = loop.createFuture();
        loop.callSoon(() -> {
            Task<Object> failing = Relay.awaitThen(gate, value -> loop.callSoon(null));
            started.setResult(Relay.relay("pkg.Outer.outer(Outer.java)", 10, failing));
        });
        Task<Object> outer = loop.runUntilComplete(started);
        loop.callSoon(() -> gate.setResult("go"));
        Throwable thrown = assertThrows(NullPointerException.class, () -> loop.runUntilComplete(outer));
        List<String> methods = Arrays.stream(thrown.getStackTrace())
                .map(frame -> frame.getClassName() + "." + frame.getMethodName()).collect(Collectors.toList());
        assertTrue(methods.contains("org.jasyncio.EventLoop.callSoon"), methods::toString);
        assertEquals(List.of(Relay.class.getName() + ".relay", "pkg.Outer.outer"),
                methods.subList(methods.size() - 2, methods.size()), methods::toString);
    }

    @Test
    void awaitingAnAlreadyFailedFutureRecordsTheAwaitingBodyFromTheStack() {
        IllegalStateException boom = failGateOnTheLoop(() -> new IllegalStateException("earlier"));
        Future<Task<Object>> relayed = loop.createFuture();
        loop.callSoon(() -> relayed.setResult(Relay.relay("ignored.Where.never(Where.java)", 1, gate)));
        Task<Object> task = loop.runUntilComplete(relayed);
        assertSame(boom, task.exception());
        List<StackTraceElement> trace = Arrays.asList(boom.getStackTrace());
        StackTraceElement awaiting = trace.get(trace.size() - 1);
        assertEquals(Relay.class.getName(), awaiting.getClassName());
        assertEquals("relay", awaiting.getMethodName());
        assertEquals("Relay.java", awaiting.getFileName());
        assertTrue(trace.stream().noneMatch(AsyncStackTraceTest::isLoopFrame), trace::toString);
    }

    @Test
    void aCallThatFailedOnTheCallersOwnStackKeepsItsFramesAboveTheLoop() {
        Future<Task<Object>> relayed = loop.createFuture();
        IllegalStateException[] made = new IllegalStateException[1];
        StackTraceElement[][] before = new StackTraceElement[1][];
        loop.callSoon(() -> {
            made[0] = new IllegalStateException("synchronous");
            before[0] = made[0].getStackTrace();
            relayed.setResult(Relay.relay("pkg.Outer.outer(Outer.java)", 10, failingCall(made[0])));
        });
        Throwable failure = loop.runUntilComplete(relayed).exception();
        assertSame(made[0], failure);
        List<StackTraceElement> trace = Arrays.asList(made[0].getStackTrace());
        assertEquals(List.of(before[0][0]), trace, "the lambda that made it; no await frame, no loop frames");
    }

    @Test
    void aRecursiveCallsFrameAtTheSameLineIsNotTakenForItsCallersAwait() {
        Future<Task<Object>> started = loop.createFuture();
        loop.callSoon(() -> started.setResult(Relay.relay("pkg.Outer.outer(Outer.java)", 10, Recursing.descend(2))));
        Task<Object> outer = loop.runUntilComplete(started);
        Throwable thrown = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(outer));
        // depth 1 (resumed by the loop) called depth 0, which threw at once: made with [descend:THROW, descend:CALL];
        // depth 1 awaited it at once (its own activation is shown), depth 2 awaited depth 1 at the same line
        assertEquals(List.of(descendAt(Recursing.THROW_LINE), descendAt(Recursing.CALL_LINE),
                descendAt(Recursing.CALL_LINE), CHAIN.get(2)), Arrays.asList(thrown.getStackTrace()));
    }

    @Test
    void aFailureThrownWhereTheCallersAwaitItIsNotTakenForTheirAwaits() {
        Future<Task<Object>> started = loop.createFuture();
        loop.callSoon(() -> started.setResult(Relay.relay("pkg.Outer.outer(Outer.java)", 10, Recursing.climb(2))));
        Task<Object> outer = loop.runUntilComplete(started);
        Throwable thrown = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(outer));
        // depth 0 threw at the line where depth 1 and depth 2 await their calls: three activations
        StackTraceElement climb = new StackTraceElement(Recursing.class.getName(), "climb", "Recursing.java",
                Recursing.CLIMB_LINE);
        assertEquals(List.of(climb, climb, climb, CHAIN.get(2)), Arrays.asList(thrown.getStackTrace()));
    }

    private static StackTraceElement descendAt(int line) {
        return new StackTraceElement(Recursing.class.getName(), "descend", "Recursing.java", line);
    }

    @Test
    void aMethodThatSuspendedAndThenReturnedAPendingCallShowsItsReturnLine() {
        Future<Task<Object>> started = loop.createFuture();
        Throwable[] made = new Throwable[1];
        loop.callSoon(() -> started.setResult(Relay.relay("pkg.Outer.outer(Outer.java)", 10,
                Adopting.handOver(ADOPTER, AsyncIO.sleep(0), () -> {
                    Task<Object> inner = Relay.relay("pkg.Inner.inner(Inner.java)", 30, gate);
                    loop.callSoon(() -> gate.setException(made[0] = new IllegalStateException("late")));
                    return inner;
                }))));
        Task<Object> outer = loop.runUntilComplete(started);
        Throwable thrown = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(outer));
        assertSame(made[0], thrown);
        List<StackTraceElement> trace = Arrays.asList(thrown.getStackTrace());
        assertEquals(getClass().getName(), trace.get(0).getClassName(), "where it was made stays on top");
        assertEquals(List.of(CHAIN.get(0), ADOPTER_RETURN, CHAIN.get(2)), trace.subList(1, trace.size()));
    }

    @Test
    void aMethodThatReturnsATaskThatFailedElsewhereShowsItsReturnLine() {
        Future<Task<Object>> elsewhere = loop.createFuture();
        Future<Object> failing = loop.createFuture();
        loop.callSoon(() -> elsewhere.setResult(Relay.relay("pkg.Elsewhere.elsewhere(Elsewhere.java)", 5, failing)));
        Task<Object> failed = loop.runUntilComplete(elsewhere);
        IllegalStateException[] made = new IllegalStateException[1];
        loop.callSoon(() -> failing.setException(made[0] = new IllegalStateException("earlier")));
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(failed));
        Future<Task<Object>> started = loop.createFuture();
        loop.callSoon(() -> started.setResult(Relay.relay("pkg.Outer.outer(Outer.java)", 10,
                Adopting.handOver(ADOPTER, AsyncIO.sleep(0), () -> failed))));
        Task<Object> outer = loop.runUntilComplete(started);
        assertSame(made[0], assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(outer)));
        List<StackTraceElement> trace = Arrays.asList(made[0].getStackTrace());
        assertEquals(List.of(new StackTraceElement("pkg.Elsewhere", "elsewhere", "Elsewhere.java", 5), ADOPTER_RETURN,
                CHAIN.get(2)), trace.subList(1, trace.size()), trace::toString);
    }

    @Test
    void aCallThatFailedOnTheReturningMethodsStackShowsThatMethodOnce() {
        Future<Task<Object>> started = loop.createFuture();
        IllegalStateException[] made = new IllegalStateException[1];
        loop.callSoon(() -> started.setResult(Relay.relay("pkg.Outer.outer(Outer.java)", 10,
                Adopting.handOver(ADOPTER, AsyncIO.sleep(0), () -> failingCall(made[0] = new IllegalStateException("now"))))));
        Task<Object> outer = loop.runUntilComplete(started);
        assertSame(made[0], assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(outer)));
        List<StackTraceElement> trace = Arrays.asList(made[0].getStackTrace());
        assertEquals(3, trace.size(), trace::toString);
        assertEquals(getClass().getName(), trace.get(0).getClassName(), "the supplier that made it");
        assertEquals(Adopting.class.getName() + ".handOver", trace.get(1).getClassName() + "." + trace.get(1).getMethodName(),
                "the returning method's own frame, at the call; no second frame at its return");
        assertEquals(CHAIN.get(2), trace.get(2));
    }

    @Test
    void aMethodThatReturnsACallBeforeItEverSuspendedHandsBackTheVeryTaskAndShowsNoFrame() {
        Future<Task<Object>> started = loop.createFuture();
        Throwable[] made = new Throwable[1];
        loop.callSoon(() -> {
            Task<Object> inner = Relay.relay("pkg.Inner.inner(Inner.java)", 30, gate);
            Task<Object> handedOver = Adopting.handOver(ADOPTER, null, () -> inner);
            assertSame(inner, handedOver, "no task of its own");
            started.setResult(Relay.relay("pkg.Outer.outer(Outer.java)", 10, handedOver));
        });
        Task<Object> outer = loop.runUntilComplete(started);
        loop.callSoon(() -> gate.setException(made[0] = new IllegalStateException("late")));
        Throwable thrown = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(outer));
        List<StackTraceElement> trace = Arrays.asList(thrown.getStackTrace());
        assertEquals(List.of(CHAIN.get(0), CHAIN.get(2)), trace.subList(1, trace.size()));
    }

    @Test
    void aCallThatFailedAtOnceWithAFailureMadeElsewhereStillShowsTheCallerAwaitingIt() {
        IllegalStateException boom = failGateOnTheLoop(() -> new IllegalStateException("earlier"));
        Future<Task<Object>> relayed = loop.createFuture();
        // the inner relay awaits the failed gate and fails before it ever suspends; the outer awaits it at once
        loop.callSoon(() -> relayed.setResult(Relay.relay("ignored.Outer.outer(Outer.java)", 1,
                Relay.relay("ignored.Inner.inner(Inner.java)", 1, gate))));
        assertSame(boom, loop.runUntilComplete(relayed).exception());
        List<String> trace = Arrays.stream(boom.getStackTrace())
                .map(frame -> frame.getClassName() + "." + frame.getMethodName()).collect(Collectors.toList());
        String relay = Relay.class.getName() + ".relay";
        assertEquals(List.of(relay, relay), trace.subList(trace.size() - 2, trace.size()),
                "the inner's await, then the outer's: " + trace);
        assertTrue(trace.subList(0, trace.size() - 2).stream().allMatch(frame -> frame.startsWith(getClass().getName())),
                "above them, where it was made: " + trace);
    }

    /** The @Async body {@code throw failure;}: it fails before it ever suspends. */
    @SuppressWarnings("unchecked")
    private static Task<Object> failingCall(RuntimeException failure) {
        return (Task<Object>) Coroutine.fail(failure, null);
    }
}
