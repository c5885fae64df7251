package org.jasyncio.iteration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.jasyncio.AsyncIO;
import org.jasyncio.AsyncIterator;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code AsyncIterator.fromPublisher} and {@code toPublisher}: backpressure, errors, cancellation, threads. */
class FlowBridgesTest {
    private final EventLoop loop = AsyncIO.newEventLoop();
    private final ExecutorService publisherThread = Executors.newSingleThreadExecutor();
    private final List<String> log = new ArrayList<>();

    FlowBridgesTest() {
        AsyncIO.setEventLoop(loop);
    }

    @AfterEach
    void close() {
        publisherThread.shutdownNow();
        AsyncIO.setEventLoop(null);
        loop.close();
    }

    private <T> T run(Future<T> future) {
        return loop.runUntilComplete(AsyncIO.waitFor(future, 10.0));
    }

    /** Publishes 0..count-1 from its own thread as demanded, then fails or completes; records every request. */
    private final class ThreadedRange implements Flow.Publisher<Integer> {
        final List<Long> requests = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean cancelled = new AtomicBoolean();
        private final int count;
        private final RuntimeException failure;

        ThreadedRange(int count, RuntimeException failure) {
            this.count = count;
            this.failure = failure;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super Integer> subscriber) {
            publisherThread.execute(() -> subscriber.onSubscribe(new Flow.Subscription() {
                private int next;

                @Override
                public void request(long n) {
                    requests.add(n);
                    publisherThread.execute(() -> {
                        for (long i = 0; i < n && !cancelled.get(); i++) {
                            if (next == count) {
                                if (failure != null) {
                                    subscriber.onError(failure);
                                } else {
                                    subscriber.onComplete();
                                }
                                return;
                            }
                            subscriber.onNext(next++);
                        }
                    });
                }

                @Override
                public void cancel() {
                    cancelled.set(true);
                }
            }));
        }
    }

    @Test
    void fromPublisherRequestsOneElementPerHasNextAcrossThreads() {
        ThreadedRange range = new ThreadedRange(3, null);
        AsyncIterator<Integer> it = AsyncIterator.fromPublisher(range);
        assertEquals(List.of(0), run(Collect.collect(it, 1)));
        assertEquals(List.of(1L), range.requests, "nothing is requested ahead of the consumer");
        assertEquals(List.of(1, 2), run(Collect.all(it)));
        assertEquals(List.of(1L, 1L, 1L, 1L), range.requests, "one per hasNext, the last one answered by onComplete");
    }

    @Test
    void fromPublisherOnErrorComesOutOfHasNext() {
        IllegalStateException failure = new IllegalStateException("publisher failed");
        AsyncIterator<Integer> it = AsyncIterator.fromPublisher(new ThreadedRange(1, failure));
        assertEquals(List.of(0), run(Collect.collect(it, 1)));
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> run(Collect.all(it)));
        assertEquals("publisher failed", thrown.getMessage());
    }

    @Test
    void fromPublisherCloseCancelsTheSubscription() {
        ThreadedRange range = new ThreadedRange(10, null);
        AsyncIterator<Integer> it = AsyncIterator.fromPublisher(range);
        assertEquals(List.of(0), run(Collect.collect(it, 1)));
        assertTrue(run(it.close()) == null && range.cancelled.get());
        assertEquals(List.of(), run(Collect.all(it)));
    }

    /** A subscriber on the loop that requests {@code initial}, records what it hears, and completes {@code heard} at {@code stopAt} signals. */
    private static final class Recorder implements Flow.Subscriber<Object> {
        final List<Object> signals = new ArrayList<>();
        final Future<List<Object>> heard;
        private final long initial;
        private final int stopAt;
        Flow.Subscription subscription;

        Recorder(EventLoop loop, long initial, int stopAt) {
            this.heard = loop.createFuture();
            this.initial = initial;
            this.stopAt = stopAt;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(initial);
        }

        @Override
        public void onNext(Object item) {
            record(item);
        }

        @Override
        public void onError(Throwable throwable) {
            record(throwable);
        }

        @Override
        public void onComplete() {
            record("complete");
        }

        private void record(Object signal) {
            signals.add(signal);
            if (signals.size() == stopAt) {
                heard.setResult(signals);
            }
        }
    }

    private AsyncIterator<Object> generator(Object... steps) {
        return AsyncIterator.generate(() -> Script.script(List.of(steps), log));
    }

    @Test
    void toPublisherRunsTheGeneratorOnlyAsFarAsRequested() {
        Recorder recorder = new Recorder(loop, 2, 2);
        AsyncIterator<Object> generator = generator(1, 2, 3, 4);
        generator.toPublisher().subscribe(recorder);
        assertEquals(List.of(1, 2), run(recorder.heard));
        assertEquals(List.of(), log, "the generator waits at its second emit");
        recorder.subscription.cancel();
        run(AsyncIO.sleep(0));   // the iteration that handles the cancel
        Future<Boolean> after = generator.hasNext();
        assertTrue(after.done() && !after.result(), "cancel() closed the generator");
        run(generator.close());
        assertEquals(List.of("finally CancelledException"), log);
    }

    @Test
    void anUnboundedDemandOnAnEndlessGeneratorLeavesTheLoopTurnsForTheCancel() {
        // every hasNext() of this generator is answered at once: the subscription must still yield the loop
        Iterator<Object> endless = Stream.generate(() -> (Object) 1).iterator();
        AsyncIterator<Object> generator = AsyncIterator.generate(() -> Script.script(endless, log));
        List<Object> heard = new ArrayList<>();
        Future<Void> cancelled = loop.createFuture();
        generator.toPublisher().subscribe(new Flow.Subscriber<Object>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Object item) {
                heard.add(item);
                if (heard.size() == 100) {
                    subscription.cancel();
                    // queued after the cancel, which is handed to the loop
                    loop.callSoon(() -> cancelled.setResult(null));
                } else if (heard.size() == 100_000) {
                    throw new IllegalStateException("the cancel() never had its turn");
                }
            }

            @Override
            public void onError(Throwable throwable) {
                heard.add(throwable);
            }

            @Override
            public void onComplete() {
                heard.add("complete");
            }
        });
        run(cancelled);
        assertTrue(heard.size() < 200 && !heard.contains("complete"), heard.size() + " signals");
        run(generator.close());
        assertEquals(List.of("finally CancelledException"), log);
    }

    @Test
    void toPublisherCompletesAndFailsAsTheGeneratorEnds() {
        Recorder complete = new Recorder(loop, Long.MAX_VALUE, 3);
        generator(1, 2).toPublisher().subscribe(complete);
        assertEquals(List.of(1, 2, "complete"), run(complete.heard));
        Recorder failed = new Recorder(loop, 5, 2);
        generator(1, new IllegalStateException("boom")).toPublisher().subscribe(failed);
        List<Object> signals = run(failed.heard);
        assertEquals(1, signals.get(0));
        assertEquals("boom", assertInstanceOf(IllegalStateException.class, signals.get(1)).getMessage());
    }

    @Test
    void toPublisherRefusesANonPositiveRequestAndASecondSubscriber() {
        Recorder zero = new Recorder(loop, 0, 1);
        Flow.Publisher<Object> publisher = generator(1, 2).toPublisher();
        publisher.subscribe(zero);
        assertInstanceOf(IllegalArgumentException.class, run(zero.heard).get(0));
        Recorder second = new Recorder(loop, 1, 1);
        publisher.subscribe(second);
        assertInstanceOf(IllegalStateException.class, run(second.heard).get(0));
    }
}
