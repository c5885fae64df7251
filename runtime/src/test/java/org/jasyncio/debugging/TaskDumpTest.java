package org.jasyncio.debugging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jasyncio.AsyncIO;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.testing.Relay;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskDumpTest {
    private final VirtualTimeLoop loop = VirtualTimeLoop.create();
    private final Future<Object> gate = loop.createFuture();
    private Task<Object> inner;
    private Task<Object> outer;

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private void suspendChain() {
        Future<Void> built = loop.createFuture();
        loop.callSoon(() -> {
            inner = Relay.relay("pkg.Inner.inner(Inner.java)", 30, gate);
            outer = Relay.relay("pkg.Outer.outer(Outer.java)", 10, inner);
            built.setResult(null);
        });
        loop.runUntilComplete(built);
    }

    @Test
    void getStackListsTheAwaitChainInnermostFirstAndWhatItAwaits() {
        suspendChain();
        assertEquals(List.of(new StackTraceElement("pkg.Inner", "inner", "Inner.java", 30),
                new StackTraceElement("pkg.Outer", "outer", "Outer.java", 10)), outer.getStack());
        assertEquals(List.of(new StackTraceElement("pkg.Inner", "inner", "Inner.java", 30)), inner.getStack());
        assertSame(gate, outer.getAwaited());
        assertSame(gate, inner.getAwaited());
    }

    @Test
    void printStackShowsTheTaskItsFramesAndWhatItAwaits() {
        suspendChain();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        outer.printStack(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("Stack for " + outer + ":\n"
                + "    at pkg.Inner.inner(Inner.java:30)\n"
                + "    at pkg.Outer.outer(Outer.java:10)\n"
                + "    awaiting <Future pending>\n", bytes.toString(StandardCharsets.UTF_8));
        assertEquals("<Task pending name='" + outer.getName() + "' coro=<Outer.outer() running at Outer.java:10>"
                + " wait_for=" + inner + ">", outer.toString());
    }

    @Test
    void aDoneTaskHasNoStack() {
        suspendChain();
        gate.setResult("v");
        assertEquals("v", loop.runUntilComplete(outer));
        assertEquals(List.of(), outer.getStack());
        assertNull(outer.getAwaited());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        outer.printStack(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("No stack for " + outer + "\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void dumpTasksListsEveryPendingTaskOldestFirst() {
        assertEquals("0 pending tasks\n", loop.dumpTasks());
        suspendChain();
        assertEquals("2 pending tasks:\n"
                + "Stack for " + inner + ":\n"
                + "    at pkg.Inner.inner(Inner.java:30)\n"
                + "    awaiting <Future pending>\n"
                + "    awaited by " + outer + "\n"
                + "Stack for " + outer + ":\n"
                + "    at pkg.Outer.outer(Outer.java:10)\n"
                + "    awaiting " + inner + "\n", loop.dumpTasks());
    }

    @Test
    void dumpTasksSaysWhichTaskGathersWhich() {
        Task<Object> first = loop.createTask(() -> Relay.relay("pkg.Inner.inner(Inner.java)", 30, gate));
        Task<Object> second = loop.createTask(() -> Relay.relay("pkg.Inner.inner(Inner.java)", 30, gate));
        Task<Object> main = loop.createTask(() -> Relay.relay("pkg.Main.main(Main.java)", 5,
                AsyncIO.gather(first, second)));
        loop.runUntilComplete(loop.createTask(() -> Task.completed(null)));
        String dump = loop.dumpTasks();
        assertEquals("3 pending tasks:\n"
                + "Stack for " + first + ":\n"
                + "    at pkg.Inner.inner(Inner.java:30)\n"
                + "    awaiting <Future pending>\n"
                + "    awaited by " + main + "\n"
                + "Stack for " + second + ":\n"
                + "    at pkg.Inner.inner(Inner.java:30)\n"
                + "    awaiting <Future pending>\n"
                + "    awaited by " + main + "\n"
                + "Stack for " + main + ":\n"
                + "    at pkg.Main.main(Main.java:5)\n"
                + "    awaiting " + main.getAwaited() + "\n", dump);
    }

    @Test
    void anAsyncCallInsideATaskIsDumpedInItsTasksStackNotAsATaskOfItsOwn() {
        Task<Object> main = loop.createTask(() -> Relay.relay("pkg.Outer.outer(Outer.java)", 10,
                Relay.relay("pkg.Inner.inner(Inner.java)", 30, gate)));
        loop.runUntilComplete(loop.createTask(() -> Task.completed(null)));
        assertEquals("1 pending task:\n"
                + "Stack for " + main + ":\n"
                + "    at pkg.Inner.inner(Inner.java:30)\n"
                + "    at pkg.Outer.outer(Outer.java:10)\n"
                + "    awaiting <Future pending>\n", loop.dumpTasks());
    }

    @Test
    void aCreatedTaskIsDumpedAsTheAsyncMethodItStarted() {
        Task<Object> created = loop.createTask(() -> Relay.relay("pkg.Inner.inner(Inner.java)", 30, gate));
        assertEquals("1 pending task:\nNo stack for " + created + "\n", loop.dumpTasks());
        loop.runUntilComplete(loop.createTask(() -> Task.completed(null)));
        assertEquals("<Task pending name='" + created.getName() + "' coro=<Inner.inner() running at Inner.java:30>"
                + " wait_for=", created.toString().substring(0, created.toString().indexOf("wait_for=") + 9));
        assertEquals(List.of(new StackTraceElement("pkg.Inner", "inner", "Inner.java", 30)), created.getStack());
        assertSame(gate, created.getAwaited());
    }
}
