package org.jasyncio.iteration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.jasyncio.AsyncIO;
import org.jasyncio.AsyncIterator;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.testing.CurrentVirtualLoop;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Async generators (PEP 525's behaviour) over a hand-rewritten body, {@link Script}. */
class GeneratorTest {
    @RegisterExtension
    final CurrentVirtualLoop current = new CurrentVirtualLoop();
    final VirtualTimeLoop loop = current.loop();
    final List<String> log = new ArrayList<>();

    private AsyncIterator<Object> generator(Object... steps) {
        return AsyncIterator.generate(() -> Script.script(List.of(steps), log));
    }

    private void settle() {
        for (int i = 0; i < 20; i++) {
            loop.callSoon(loop::stop);
            loop.runForever();
        }
    }

    @Test
    void emitsInOrderAndRunsItsEndOnlyWhenAskedPastTheLastElement() {
        AsyncIterator<Object> numbers = generator(1, 2, 3);
        settle();
        assertEquals(List.of(), log, "nothing runs before the consumer asks");
        assertEquals(List.of(1, 2, 3), loop.runUntilComplete(Collect.all(numbers)));
        assertEquals(List.of("end", "finally"), log);
        assertFalse(loop.runUntilComplete(numbers.hasNext()));
    }

    @Test
    void nothingRunsAheadOfTheConsumer() {
        Future<String> ready = loop.createFuture();
        ready.setResult("x");
        AsyncIterator<Object> it = generator(1, ready, 2);
        assertEquals(List.of(1), loop.runUntilComplete(Collect.collect(it, 1)));
        settle();
        assertEquals(List.of(), log, "the body stays at its first emit until asked again");
        assertEquals(List.of(2), loop.runUntilComplete(Collect.collect(it, 1)));
        assertEquals(List.of("awaited x"), log);
    }

    @Test
    void theBodyAwaitsBetweenElements() {
        AsyncIterator<Object> it = generator(AsyncIO.sleep(1.0, "slept"), "a", AsyncIO.sleep(2.0, "again"), "b");
        double start = loop.time();
        assertEquals(List.of("a", "b"), loop.runUntilComplete(Collect.all(it)));
        assertEquals(2.0, loop.time() - start, 1e-9, "both sleeps started when the steps were made");
        assertEquals(List.of("awaited slept", "awaited again", "end", "finally"), log);
    }

    @Test
    void theBodysExceptionComesOutOfHasNext() {
        AsyncIterator<Object> it = generator(1, new IllegalStateException("boom"));
        assertEquals(List.of(1), loop.runUntilComplete(Collect.collect(it, 1)));
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> loop.runUntilComplete(Collect.all(it)));
        assertEquals("boom", thrown.getMessage());
        assertEquals(List.of("finally IllegalStateException"), log);
        assertFalse(loop.runUntilComplete(it.hasNext()), "a generator that failed is over");
    }

    @Test
    void aBodyFailingBeforeItsFirstEmitFailsTheFirstHasNext() {
        AsyncIterator<Object> it = generator(new IllegalArgumentException("early"));
        assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(Collect.all(it)));
        assertEquals(List.of("finally IllegalArgumentException"), log);
    }

    @Test
    void aSupplierThatThrowsOrReturnsNoTaskIsAFailedOrEmptyGenerator() {
        AsyncIterator<Object> throwing = AsyncIterator.generate(() -> {
            throw new IllegalStateException("no body");
        });
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(throwing.hasNext()));
        AsyncIterator<Object> none = AsyncIterator.generate(() -> null);
        assertFalse(loop.runUntilComplete(none.hasNext()));
    }

    @Test
    void aBodyThatAsksItsOwnGeneratorWhileStartingIsRefused() {
        List<Future<?>> asked = new ArrayList<>();
        List<AsyncIterator<Object>> self = new ArrayList<>();
        self.add(AsyncIterator.generate(() -> {
            asked.add(self.get(0).hasNext());
            asked.add(self.get(0).close());
            return Task.completed();
        }));
        assertFalse(loop.runUntilComplete(self.get(0).hasNext()));
        for (Future<?> refused : asked) {
            IllegalStateException running = assertThrows(IllegalStateException.class, refused::result);
            assertTrue(running.getMessage().endsWith("asynchronous generator is already running"), running.getMessage());
        }
    }

    @Test
    void closeResumesThePendingEmitWithCancelledExceptionSoFinallyRuns() {
        AsyncIterator<Object> it = generator(1, 2, 3);
        assertEquals(List.of(1), loop.runUntilComplete(Collect.collect(it, 1)));
        Future<Void> closed = it.close();
        assertFalse(closed.done(), "close completes when the body has ended");
        loop.runUntilComplete(closed);
        assertEquals(List.of("finally CancelledException"), log);
        assertFalse(loop.runUntilComplete(it.hasNext()));
        assertSame(closed, it.close(), "closing again waits for the same end");
    }

    @Test
    void closeOfAnElementNotYetTakenDropsIt() {
        AsyncIterator<Object> it = generator(1, 2);
        assertTrue(loop.runUntilComplete(it.hasNext()));
        loop.runUntilComplete(it.close());
        assertThrows(NoSuchElementException.class, it::next);
        assertEquals(List.of("finally CancelledException"), log);
    }

    @Test
    void closeBeforeTheFirstHasNextNeverRunsTheBody() {
        AsyncIterator<Object> it = generator(1);
        assertTrue(it.close().done());
        assertFalse(loop.runUntilComplete(it.hasNext()));
        settle();
        assertEquals(List.of(), log);
    }

    @Test
    void closeWhileTheBodyAwaitsCancelsThatAwait() {
        Future<String> never = loop.createFuture();
        AsyncIterator<Object> it = generator(1, never, 2);
        assertEquals(List.of(1), loop.runUntilComplete(Collect.collect(it, 1)));
        Task<List<Object>> consumer = Collect.all(it);
        settle();
        loop.runUntilComplete(it.close());
        assertTrue(never.cancelled());
        assertEquals(List.of(), loop.runUntilComplete(consumer), "the waiting consumer sees the end");
        assertEquals(List.of("finally CancelledException"), log);
    }

    @Test
    void cancellingTheConsumerClosesNothingItDoesNotOwn() {
        Future<String> gate = loop.createFuture();
        AsyncIterator<Object> it = generator(gate, "after gate", "last");
        Task<List<Object>> consumer = Collect.all(it);
        settle();
        consumer.cancel();
        settle();
        assertTrue(consumer.cancelled());
        assertFalse(gate.cancelled(), "the body's await belongs to the generator, not to the consumer");
        gate.setResult("open");
        settle();
        assertEquals(List.of("awaited open"), log);
        assertEquals(List.of("after gate", "last"), loop.runUntilComplete(Collect.all(it)),
                "the element emitted meanwhile is kept for the next consumer");
    }

    @Test
    void nextWithoutAnAnnouncedElementIsRefused() {
        AsyncIterator<Object> it = generator(1);
        assertThrows(NoSuchElementException.class, it::next);
        assertTrue(loop.runUntilComplete(it.hasNext()));
        assertTrue(loop.runUntilComplete(it.hasNext()), "asking twice keeps the same element");
        assertEquals(1, it.next());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void generatorsCompose() {
        Future<String> pause = AsyncIO.sleep(1, "paused");
        AsyncIterator<Object> source = generator(1, pause, 2, 3);
        @SuppressWarnings("unchecked")
        AsyncIterator<Integer> ints = (AsyncIterator<Integer>) (AsyncIterator<?>) source;
        AsyncIterator<Integer> doubled = AsyncIterator.generate(() -> Doubled.doubled(ints));
        assertEquals(List.of(2, 4, 6), loop.runUntilComplete(Collect.all(doubled)));
        assertEquals(List.of("awaited paused", "end", "finally"), log);
    }

    @Test
    void aBodyThatEmitsWhileClosingFailsTheClose() {
        AsyncIterator<String> stubborn = AsyncIterator.generate(Stubborn::stubborn);
        assertTrue(loop.runUntilComplete(stubborn.hasNext()));
        IllegalStateException ignored = assertThrows(IllegalStateException.class,
                () -> loop.runUntilComplete(stubborn.close()));
        assertTrue(ignored.getMessage().contains("ignored close()"), ignored.getMessage());
        assertFalse(loop.runUntilComplete(stubborn.hasNext()));
    }

    @Test
    void shutdownAsyncgensReportsAGeneratorThatFailedToClose() {
        List<Map<String, Object>> reports = new ArrayList<>();
        loop.setExceptionHandler((l, context) -> reports.add(context));
        AsyncIterator<String> stubborn = AsyncIterator.generate(Stubborn::stubborn);
        assertTrue(loop.runUntilComplete(stubborn.hasNext()));
        loop.runUntilComplete(loop.shutdownAsyncgens());
        assertEquals(1, reports.size());
        assertTrue(String.valueOf(reports.get(0).get("message"))
                .startsWith("an error occurred during closing of asynchronous generator"), reports.toString());
        assertTrue(reports.get(0).get("exception") instanceof IllegalStateException);
    }

    @Test
    void emitOutsideAGeneratorIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> AsyncIO.emit(1));
        assertTrue(refused.getMessage().contains("outside the body of an async generator"), refused.getMessage());
    }

    @Test
    void theEmptyIteratorEndsAtOnce() {
        AsyncIterator<String> none = AsyncIterator.end();
        assertTrue(none.hasNext().done());
        assertFalse(loop.runUntilComplete(none.hasNext()));
        assertThrows(NoSuchElementException.class, none::next);
        assertTrue(none.close().done());
    }

    @Test
    void shutdownAsyncgensClosesTheOpenGeneratorsOfTheLoop() {
        AsyncIterator<Object> open = generator(1, 2);
        AsyncIterator<Object> finished = generator(1);
        AsyncIterator<Object> neverStarted = generator(1);
        loop.runUntilComplete(Collect.collect(open, 1));
        loop.runUntilComplete(Collect.all(finished));
        log.clear();
        loop.runUntilComplete(loop.shutdownAsyncgens());
        assertEquals(List.of("finally CancelledException"), log);
        assertFalse(loop.runUntilComplete(open.hasNext()));
        assertTrue(neverStarted.close().done());
    }
}
