package org.jasyncio.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jasyncio.CancelledException;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.TaskGroup;
import org.jasyncio.TaskGroupException;
import org.jasyncio.testing.Relay;
import org.junit.jupiter.api.Test;

/** Ports the semantics of CPython's test_taskgroups to the body-as-a-task form. */
class TaskGroupTest extends LoopFixture {
    private final List<String> log = new ArrayList<>();
    private final Future<Object> gateA = loop.createFuture();
    private final Future<Object> gateB = loop.createFuture();
    private final Future<Object> bodyGate = loop.createFuture();
    private Task<Object> a;
    private Task<Object> b;
    private Task<Object> body;
    private TaskGroup group;

    /** A task that awaits {@code gate} and logs {@code name}, or fails with {@code failure} if not null. */
    private static Task<Object> child(Future<Object> gate, List<String> log, String name, RuntimeException failure) {
        return Relay.awaitThen(gate, v -> {
            if (failure != null) {
                throw failure;
            }
            log.add(name);
        });
    }

    /** Two tasks waiting on gateA and gateB; the body waits on bodyGate. */
    private Future<Object> start(RuntimeException failureA, RuntimeException failureB) {
        return TaskGroup.run(g -> {
            group = g;
            a = g.createTask(() -> child(gateA, log, "a", failureA));
            b = g.createTask(() -> child(gateB, log, "b", failureB));
            body = child(bodyGate, log, "body", null);
            return body;
        });
    }

    @Test
    void theGroupIsDoneWhenTheBodyAndEveryTaskAreWithTheBodysResult() {
        Future<Object> result = start(null, null);
        bodyGate.setResult("from body");
        settle();
        assertFalse(result.done());
        assertEquals("<TaskGroup tasks=2 entered>", group.toString());
        gateA.setResult(1);
        settle();
        assertFalse(result.done());
        gateB.setResult(2);
        settle();
        assertEquals("from body", result.result());
        assertEquals(List.of("body", "a", "b"), log);
    }

    @Test
    void aFailingTaskCancelsTheOthersAndTheBodyAndIsReported() {
        IllegalStateException boom = new IllegalStateException("boom");
        Future<Object> result = start(boom, null);
        settle();
        gateA.setResult("go");
        settle();
        assertTrue(b.cancelled());
        assertTrue(body.cancelled());
        TaskGroupException failure = assertThrows(TaskGroupException.class, result::result);
        assertEquals("unhandled errors in a TaskGroup (1 sub-exception)", failure.getMessage());
        assertEquals(List.of(boom), failure.getExceptions());
        assertSame(boom, failure.getSuppressed()[0]);
        assertEquals(0, body.cancelling(), "the group withdraws the cancellation it made");
        assertEquals(List.of(), log);
    }

    @Test
    void failuresInTheSameIterationAreReportedTogether() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second");
        Future<Object> result = start(first, second);
        settle();
        gateA.setResult("go");
        gateB.setResult("go");
        settle();
        TaskGroupException failure = assertThrows(TaskGroupException.class, result::result);
        assertEquals(List.of(first, second), failure.getExceptions());
        assertEquals("unhandled errors in a TaskGroup (2 sub-exceptions)", failure.getMessage());
    }

    @Test
    void aFailingBodyCancelsTheTasksAndIsReportedLast() {
        IllegalStateException boom = new IllegalStateException("body failed");
        Future<Object> result = TaskGroup.run(g -> {
            a = g.createTask(() -> child(gateA, log, "a", null));
            return child(bodyGate, log, "body", boom);
        });
        settle();
        bodyGate.setResult("go");
        settle();
        assertTrue(a.cancelled());
        assertEquals(List.of(boom), assertThrows(TaskGroupException.class, result::result).getExceptions());
    }

    @Test
    void aBodyThatThrowsBeforeReturningATaskIsReportedToo() {
        IllegalStateException boom = new IllegalStateException("thrown");
        Future<Object> result = TaskGroup.run(g -> {
            a = g.createTask(() -> child(gateA, log, "a", null));
            throw boom;
        });
        settle();
        assertTrue(a.cancelled());
        assertEquals(List.of(boom), assertThrows(TaskGroupException.class, result::result).getExceptions());
    }

    @Test
    void cancellingTheGroupCancelsEverythingAndEndsCancelledOnceAllAreDone() {
        Future<Object> result = start(null, null);
        settle();
        assertTrue(result.cancel("stop"));
        assertFalse(result.done(), "the group waits for its tasks to end");
        assertEquals("<TaskGroup tasks=2 cancelling>", group.toString());
        settle();
        assertTrue(a.cancelled());
        assertTrue(b.cancelled());
        assertTrue(body.cancelled());
        assertEquals("stop", assertThrows(CancelledException.class, result::result).getMessage());
    }

    @Test
    void failuresTakePriorityOverTheGroupsCancellation() {
        IllegalStateException boom = new IllegalStateException("boom");
        Future<Object> result = start(boom, null);
        settle();
        gateA.setResult("go");
        while (!a.done()) {
            spin(1);
        }
        result.cancel();
        settle();
        assertEquals(List.of(boom), assertThrows(TaskGroupException.class, result::result).getExceptions());
    }

    @Test
    void cancellingTheAwaitingTaskCancelsTheGroup() {
        Task<Object> awaiting = task(() -> start(null, null), v -> log.add("never"));
        settle();
        awaiting.cancel();
        settle();
        assertTrue(a.cancelled());
        assertTrue(body.cancelled());
        assertTrue(awaiting.cancelled());
        assertEquals(List.of(), log);
    }

    @Test
    void theAwaitingTaskGetsTheFailures() {
        IllegalStateException boom = new IllegalStateException("boom");
        Task<Object> awaiting = task(() -> start(boom, null), v -> log.add("never"));
        settle();
        gateA.setResult("go");
        settle();
        assertEquals(List.of(boom), ((TaskGroupException) awaiting.exception()).getExceptions());
        assertEquals(List.of(), log);
    }

    @Test
    void noTaskMayBeCreatedOnceTheGroupShutsDownOrIsFinished() {
        Future<Object> result = start(new IllegalStateException("boom"), null);
        settle();
        gateA.setResult("go");
        while (!a.done()) {
            spin(1);
        }
        spin(1);
        IllegalStateException shuttingDown = assertThrows(IllegalStateException.class,
                () -> group.createTask(() -> Task.completed(null)));
        assertTrue(shuttingDown.getMessage().endsWith(" is shutting down"), shuttingDown.getMessage());
        settle();
        assertTrue(result.done());
        IllegalStateException finished = assertThrows(IllegalStateException.class,
                () -> group.createTask(() -> Task.completed(null)));
        assertEquals("TaskGroup <TaskGroup errors=1 cancelling> is finished", finished.getMessage());
    }

    @Test
    void tasksMayBeAddedWhileTheGroupWaitsForItsTasks() {
        Future<Object> result = start(null, null);
        bodyGate.setResult("body");
        settle();
        Task<String> late = group.createTask(() -> Task.completed("late"), "late-task");
        assertEquals("late-task", late.getName());
        gateA.setResult(1);
        gateB.setResult(2);
        settle();
        assertEquals("late", late.result());
        assertEquals("body", result.result());
    }
}
