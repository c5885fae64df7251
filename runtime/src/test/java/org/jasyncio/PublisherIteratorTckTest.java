package org.jasyncio;

import java.util.concurrent.Flow;

import org.jasyncio.internal.iter.PublisherIterator;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowSubscriberBlackboxVerification;
import org.testng.annotations.AfterClass;

/**
 * The Reactive Streams TCK (§2) for the subscriber behind {@code AsyncIterator.fromPublisher}: the
 * TCK signals from its own threads, and a consumer on the loop's thread drains the iterator.
 */
public class PublisherIteratorTckTest extends FlowSubscriberBlackboxVerification<Integer> {
    private final LoopThread loopThread = new LoopThread("publisher-iterator-tck");

    /** Timeouts of 500 ms. */
    public PublisherIteratorTckTest() {
        super(new TestEnvironment(500));
    }

    @AfterClass
    void stopLoop() throws InterruptedException {
        loopThread.close();
    }

    @Override
    public Flow.Subscriber<Integer> createFlowSubscriber() {
        // the TCK hands the subscription to the subscriber itself: the iterator's publisher does nothing
        return new PublisherIterator<Integer>(subscriber -> { }, loopThread.loop);
    }

    @Override
    public void triggerFlowRequest(Flow.Subscriber<? super Integer> subscriber) {
        PublisherIterator<?> iterator = (PublisherIterator<?>) subscriber;
        loopThread.loop.callSoonThreadsafe(() -> drain(iterator));
    }

    /** A consumer written with callbacks: takes elements until the end. */
    private static void drain(PublisherIterator<?> iterator) {
        iterator.hasNext().addDoneCallback(more -> {
            if (!more.cancelled() && more.exception() == null && more.result()) {
                iterator.next();
                drain(iterator);
            }
        });
    }

    @Override
    public Integer createElement(int element) {
        return element;
    }
}
