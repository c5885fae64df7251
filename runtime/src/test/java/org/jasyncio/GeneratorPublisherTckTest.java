package org.jasyncio;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.stream.LongStream;

import org.jasyncio.internal.iter.IteratorPublisher;
import org.jasyncio.iteration.Script;
import org.reactivestreams.FlowAdapters;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.TestEnvironment.ManualSubscriber;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

/**
 * The Reactive Streams TCK (§1–§3) for {@code AsyncIterator.toPublisher()} over an async generator,
 * whose loop runs on its own thread while the TCK requests and cancels from its own.
 */
public class GeneratorPublisherTckTest extends FlowPublisherVerification<Long> {
    private final LoopThread loopThread = new LoopThread("generator-publisher-tck");
    private final TestEnvironment env;

    /** Timeouts of 500 ms; the loop answers within milliseconds. */
    public GeneratorPublisherTckTest() {
        this(new TestEnvironment(500));
    }

    private GeneratorPublisherTckTest(TestEnvironment env) {
        super(env);
        this.env = env;
    }

    @AfterClass
    void stopLoop() throws InterruptedException {
        loopThread.close();
    }

    private Flow.Publisher<Long> over(Iterator<?> steps) {
        List<String> log = new ArrayList<>();
        AsyncIterator<Long> generator = Generator.start(loopThread.loop, () -> Script.script(steps, log));
        return new IteratorPublisher<>(generator, loopThread.loop);
    }

    @Override
    public Flow.Publisher<Long> createFlowPublisher(long elements) {
        return over(LongStream.range(0, elements).iterator());
    }

    /**
     * A generator's failure shows only when the subscriber's demand runs it (nothing runs ahead of
     * demand, and the TCK's failed publisher gets none), so the failure under test is the other one
     * the publisher has: it serves one subscriber, and refuses the next with onSubscribe, onError.
     * {@link #aFailingGeneratorSignalsOnErrorUponDemand()} covers the generator's failure.
     */
    @Override
    public Flow.Publisher<Long> createFailedFlowPublisher() {
        Flow.Publisher<Long> taken = createFlowPublisher(1);
        taken.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
            }

            @Override
            public void onNext(Long item) {
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
        return taken;
    }

    /** The generator's own failure reaches the subscriber as onError once it asks for an element. */
    @Test
    public void aFailingGeneratorSignalsOnErrorUponDemand() throws Throwable {
        Flow.Publisher<Long> failing = over(List.of(0L, new IllegalStateException("the generator failed")).iterator());
        ManualSubscriber<Long> subscriber = env.newManualSubscriber(FlowAdapters.toPublisher(failing));
        subscriber.request(5);
        subscriber.expectNext(0L);
        subscriber.expectError(IllegalStateException.class);
    }
}
