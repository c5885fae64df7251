package org.jasyncio;

import java.util.concurrent.Flow;
import org.jasyncio.internal.iter.IteratorPublisher;
import org.jasyncio.internal.iter.PublisherIterator;

/**
 * Where {@link AsyncIterator}'s bridges to {@link Flow} are made, so that the public interface names
 * no internal class and the internals it uses need not import it back.
 */
final class FlowBridges {

    private FlowBridges() {
    }

    static <T> Flow.Publisher<T> toPublisher(AsyncIterator<T> iterator) {
        return new IteratorPublisher<>(iterator, AsyncIO.getEventLoop());
    }

    static <T> AsyncIterator<T> fromPublisher(Flow.Publisher<? extends T> publisher) {
        return new PublisherIterator<>(publisher, AsyncIO.getEventLoop());
    }
}
