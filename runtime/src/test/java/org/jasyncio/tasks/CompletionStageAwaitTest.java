package org.jasyncio.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jasyncio.CancelledException;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.testing.CurrentVirtualLoop;
import org.jasyncio.testing.Relay;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code await} of completion stages that are not plain {@link CompletableFuture}s: they may refuse
 * every method but {@link CompletionStage}'s own, as the JDK's minimal stage does.
 */
class CompletionStageAwaitTest {
    @RegisterExtension
    final CurrentVirtualLoop current = new CurrentVirtualLoop();
    private final VirtualTimeLoop loop = current.loop();
    private final List<Map<String, Object>> reports = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordReports() {
        loop.setExceptionHandler((l, context) -> reports.add(context));
    }

    /** The @Async body {@code return Task.completed(await(stage));}, started on the loop. */
    private Task<Object> awaitOnLoop(CompletionStage<?> stage) {
        return loop.createTask(() -> Relay.relay("pkg.Caller.call(Caller.java)", 7, stage));
    }

    @Test
    void aMinimalStageCompletedLaterGivesItsValue() {
        CompletableFuture<String> source = new CompletableFuture<>();
        Task<Object> task = awaitOnLoop(source.minimalCompletionStage());
        loop.callLater(1, () -> source.complete("later"));
        assertEquals("later", loop.runUntilComplete(task));
        assertEquals(List.of(), reports);
    }

    @Test
    void aMinimalStageAlreadyCompletedGivesItsValue() {
        assertEquals("now", loop.runUntilComplete(awaitOnLoop(CompletableFuture.completedStage("now"))));
        assertEquals(List.of(), reports);
    }

    @Test
    void aFailedMinimalStageThrowsItsOwnException() {
        IllegalStateException boom = new IllegalStateException("boom");
        Task<Object> task = awaitOnLoop(CompletableFuture.failedStage(boom));
        assertSame(boom, assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(task)));
    }

    @Test
    void cancellingTheTaskLeavesAMinimalStageAlone() {
        CompletableFuture<String> source = new CompletableFuture<>();
        Task<Object> task = awaitOnLoop(source.minimalCompletionStage());
        loop.callLater(1, task::cancel);
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(task));
        source.complete("ignored");
        loop.runUntilComplete(loop.createTask(() -> Task.completed()));
        assertEquals(List.of(), reports, "nothing asked the minimal stage to cancel");
    }

    @Test
    void aHandWrittenStageIsAwaitedThroughWhenCompleteAlone() {
        CallbackOnlyStage later = new CallbackOnlyStage();
        Task<Object> pending = awaitOnLoop(later.stage);
        loop.callLater(1, () -> later.complete("hand-written"));
        assertEquals("hand-written", loop.runUntilComplete(pending));

        CallbackOnlyStage done = new CallbackOnlyStage();
        done.complete("done before");
        assertEquals("done before", loop.runUntilComplete(awaitOnLoop(done.stage)));

        CallbackOnlyStage failing = new CallbackOnlyStage();
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        Task<Object> failed = awaitOnLoop(failing.stage);
        loop.callLater(1, () -> failing.fail(boom));
        assertSame(boom, assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(failed)));
        assertEquals(List.of(), reports);
    }

    @Test
    void aHandWrittenStageCompletedByAnotherThreadResumesOnTheLoop() throws Exception {
        CallbackOnlyStage stage = new CallbackOnlyStage();
        Future<Object> task = awaitOnLoop(stage.stage);
        Thread completer = new Thread(() -> stage.complete("from a thread"));
        loop.callSoon(completer::start);
        assertEquals("from a thread", loop.runUntilComplete(task));
        completer.join();
    }
}
