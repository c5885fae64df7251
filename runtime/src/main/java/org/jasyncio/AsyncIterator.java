package org.jasyncio;

import java.util.NoSuchElementException;
import java.util.concurrent.Flow;
import java.util.function.Supplier;


/**
 * asyncio's asynchronous iterator ({@code async for}): the next element may not be there yet, so
 * asking for it is awaited.
 *
 * <pre>{@code
 * for (AsyncIterator<byte[]> lines = reader.lines(); await(lines.hasNext()); ) {
 *     byte[] line = lines.next();
 * }
 * }</pre>
 *
 * <p>{@link #hasNext()} is {@code __anext__} split in two: it completes with {@code true} once an
 * element is there (then {@link #next()} hands it out), with {@code false} at the end, or fails with
 * what went wrong producing it. Nothing runs ahead of the consumer: an iterator produces an element
 * only when {@link #hasNext()} asks for one. {@link #close()} is {@code aclose()}: it releases what
 * the iterator holds and, for a generator, runs its {@code finally} blocks.
 *
 * <p>An iterator belongs to one loop and is used from its thread, as the futures it returns.
 *
 * @param <T> the elements
 */
public interface AsyncIterator<T> {

    /**
     * Asks for the next element. Asking again before {@link #next()} took the element asks for
     * nothing more: the same element stays.
     *
     * @return a future completing with {@code true} when {@link #next()} has an element, with
     *     {@code false} at the end; it fails with the exception that ended the iteration
     */
    Future<Boolean> hasNext();

    /**
     * Takes the element that {@link #hasNext()} announced.
     *
     * @return the element
     * @throws NoSuchElementException unless the last {@link #hasNext()} completed with
     *     {@code true} and its element was not taken yet
     */
    T next();

    /**
     * asyncio's {@code aclose()}: ends the iteration early. A generator is resumed at its pending
     * {@link AsyncIO#emit} with {@link CancelledException}, so its {@code finally} blocks run.
     * Closing an iterator that ended, or closing twice, does nothing more.
     *
     * @return a future done when the iterator has released everything; it fails with what the
     *     iterator threw while closing
     */
    Future<Void> close();

    /**
     * This iterator as a reactive-streams publisher for one subscriber: the subscriber's
     * {@code request(n)} drives the iterator (it is asked for at most {@code n} elements), its
     * {@code cancel()} closes it, the iterator's end and failure are {@code onComplete} and
     * {@code onError}. Signals reach the subscriber on the loop of the caller
     * ({@link AsyncIO#getEventLoop()}), which must be this iterator's; {@code request} and
     * {@code cancel} may come from any thread.
     *
     * @return a publisher that accepts one subscriber (a second one gets {@code onError})
     */
    default Flow.Publisher<T> toPublisher() {
        return FlowBridges.toPublisher(this);
    }

    /**
     * The iterator with no element; what an async generator returns to end (as Python's
     * {@code return} in an {@code async def} that yields).
     *
     * @param <T> the elements
     * @return an iterator whose {@link #hasNext()} completes with {@code false}
     */
    @SuppressWarnings("unchecked")
    static <T> AsyncIterator<T> end() {
        return (AsyncIterator<T>) EmptyIterator.INSTANCE;
    }

    /**
     * An async generator over a body that hands out elements with {@code await(emit(v))}
     * ({@link AsyncIO#emit}). The body is an {@code @Async} call; it starts when the first
     * {@link #hasNext()} asks, and each {@code emit} resumes when the consumer asks for the next
     * element, so nothing runs ahead of the consumer. The body's exception comes out of
     * {@link #hasNext()}; {@link #close()} resumes it at its pending {@code emit} with
     * {@link CancelledException}. A generator that is dropped unfinished is closed on its loop, and
     * {@link AsyncIO#run} closes the generators still open when its main task ends
     * ({@link EventLoop#shutdownAsyncgens()}).
     *
     * <p>An {@code @Async} method returning {@code AsyncIterator} is compiled into this form (its
     * body becomes the {@code Task} method, {@code return end()} becoming
     * {@code return Task.completed()}); call {@code generate} directly for a body written as a
     * lambda or a method reference.
     *
     * <pre>{@code
     * static AsyncIterator<Integer> countdown(int n) { return AsyncIterator.generate(() -> count(n)); }
     * @Async static Task<Void> count(int n) {
     *     for (int i = n; i > 0; i--) await(emit(i));
     *     return Task.completed();
     * }
     * }</pre>
     *
     * @param body the {@code @Async} call producing the elements
     * @param <T> the elements
     * @return the generator, on {@link AsyncIO#getEventLoop()}
     */
    static <T> AsyncIterator<T> generate(Supplier<? extends Task<Void>> body) {
        return Generator.start(AsyncIO.getEventLoop(), body);
    }

    /**
     * A reactive-streams publisher as an async iterator, with backpressure: it subscribes at the
     * first {@link #hasNext()} and requests one element per {@link #hasNext()}. {@code onError}
     * comes out of {@link #hasNext()}; {@link #close()} cancels the subscription. The publisher
     * may signal from any thread: every signal is handed to the loop.
     *
     * @param publisher what to iterate
     * @param <T> the elements
     * @return an iterator on {@link AsyncIO#getEventLoop()}
     */
    static <T> AsyncIterator<T> fromPublisher(Flow.Publisher<? extends T> publisher) {
        return FlowBridges.fromPublisher(publisher);
    }
}
