package org.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunUntilCompleteTest {

    private final VirtualTimeLoop loop = VirtualTimeLoop.create();
    private final VirtualTimeLoop other = VirtualTimeLoop.create();

    @AfterEach
    void closeLoops() {
        loop.close();
        other.close();
    }

    @Test
    void returnsTheResultOnceTheFutureIsDone() {
        Future<String> future = loop.createFuture();
        loop.callLater(5.0, () -> future.setResult("done"));
        assertEquals("done", loop.runUntilComplete(future));
        assertEquals(5.0, loop.time());
        assertFalse(loop.isRunning());
    }

    @Test
    void throwsTheFailureItselfEvenIfChecked() {
        Future<String> future = new Future<>(loop);
        IOException failure = new IOException("boom");
        loop.callSoon(() -> future.setException(failure));
        Throwable thrown = assertThrows(IOException.class, () -> loop.runUntilComplete(future));
        assertSame(failure, thrown);
    }

    @Test
    void doesNotStopALaterRunWhenTheStopCallbackWasRemoved() {
        Future<String> future = loop.createFuture();
        loop.callSoon(loop::stop);
        IllegalStateException stopped = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(future));
        assertEquals("Event loop stopped before Future completed.", stopped.getMessage());

        List<String> events = new ArrayList<>();
        loop.callSoon(() -> future.setResult("late"));
        loop.callLater(1.0, () -> {
            events.add("still running after the future completed");
            loop.stop();
        });
        loop.runForever();
        assertEquals(List.of("still running after the future completed"), events);
    }

    @Test
    void refusesWhileAlreadyRunning() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Future<Void> inner = loop.createFuture();
        loop.callSoon(() -> {
            thrown.set(assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(inner)));
            loop.stop();
        });
        loop.runForever();
        assertEquals("This event loop is already running", thrown.get().getMessage());
        IllegalStateException forever = assertThrowsInside(loop, loop::runForever);
        assertEquals("This event loop is already running", forever.getMessage());
    }

    @Test
    void refusesWhileAnotherLoopRunsOnThisThread() {
        Future<Void> future = other.createFuture();
        IllegalStateException untilComplete = assertThrowsInside(loop, () -> other.runUntilComplete(future));
        assertEquals("Cannot run the event loop while another loop is running", untilComplete.getMessage());
        IllegalStateException forever = assertThrowsInside(loop, other::runForever);
        assertEquals("Cannot run the event loop while another loop is running", forever.getMessage());
    }

    @Test
    void refusesAPendingFutureOfAnotherLoop() {
        Future<Void> foreign = other.createFuture();
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> loop.runUntilComplete(foreign));
        assertTrue(thrown.getMessage().contains("different loop"), thrown.getMessage());
    }

    @Test
    void refusesOnAClosedLoop() {
        Future<Void> future = loop.createFuture();
        loop.close();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(future));
        assertEquals("Event loop is closed", thrown.getMessage());
    }

    @Test
    void createTaskStartsTheBodyOnTheNextIteration() {
        List<Integer> startedAtPoll = new ArrayList<>();
        Task<Integer> task = loop.createTask(() -> {
            startedAtPoll.add(loop.polls());
            return Task.completed(42);
        });
        assertEquals(List.of(), startedAtPoll);
        assertSame(loop, task.getLoop());
        assertEquals(42, loop.runUntilComplete(task));
        assertEquals(List.of(1), startedAtPoll);
    }

    private static IllegalStateException assertThrowsInside(VirtualTimeLoop running, Runnable misuse) {
        AtomicReference<IllegalStateException> thrown = new AtomicReference<>();
        running.callSoon(() -> {
            thrown.set(assertThrows(IllegalStateException.class, misuse::run));
            running.stop();
        });
        running.runForever();
        return thrown.get();
    }
}
