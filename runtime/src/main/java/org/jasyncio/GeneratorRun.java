package org.jasyncio;

import java.util.NoSuchElementException;
import java.util.function.Supplier;

import org.jasyncio.internal.iter.Answers;

/**
 * The state of one async generator: its producer task and the hand-over between the producer's
 * {@code emit} and the consumer's {@code hasNext}/{@code next}. Kept apart from the consumer's
 * handle ({@link Generator}) so that a handle dropped unfinished can be collected while this state
 * closes the producer (asyncio's async-generator finalizer). Used on its loop's thread only.
 *
 * <p>Phases: NEW (body not started), RUNNING (the producer runs towards its next {@code emit}),
 * READY (an element waits for {@code next()}; the producer is parked at its {@code emit}), PARKED
 * (the element was taken; the producer waits to be asked again), CLOSING, ENDED.
 *
 * @param <T> the elements
 */
final class GeneratorRun<T> {
    /** The generator whose body is starting on this thread: its first step runs inside {@code hasNext()}. */
    private static final ThreadLocal<GeneratorRun<?>> STARTING = new ThreadLocal<>();

    private enum Phase { NEW, RUNNING, READY, PARKED, CLOSING, ENDED }

    final EventLoop loop;
    private Supplier<? extends Task<Void>> body;
    private Phase phase = Phase.NEW;
    private Task<Void> producer;
    /** The future the producer's pending {@code emit} returned; completing it resumes the producer. */
    private Future<Void> parked;
    /** The consumer's pending {@code hasNext()}, while the producer runs. */
    private Future<Boolean> asked;
    private T element;
    private Future<Void> closed;

    GeneratorRun(EventLoop loop, Supplier<? extends Task<Void>> body) {
        this.loop = loop;
        this.body = body;
    }

    /**
     * {@link AsyncIO#emit}: the generator whose body is running now. During the body's first step
     * that is the one starting on this thread; afterwards the body runs as its own task.
     */
    static Future<Void> emitFromCurrentBody(Object value) {
        GeneratorRun<?> run = STARTING.get();
        if (run == null) {
            EventLoop loop = CurrentLoop.running();
            run = loop == null ? null : loop.openGenerators.producedBy(loop.currentTask());
        }
        if (run == null) {
            throw new IllegalStateException("AsyncIO.emit() called outside the body of an async generator "
                    + "(an @Async method returning AsyncIterator, or the body given to AsyncIterator.generate)");
        }
        return run.emitUnchecked(value);
    }

    @SuppressWarnings("unchecked")
    private Future<Void> emitUnchecked(Object value) {
        return emit((T) value);
    }

    Future<Boolean> hasNext() {
        switch (phase) {
            case NEW:
                return start();
            case READY:
                return Answers.TRUE;
            case PARKED:
                phase = Phase.RUNNING;
                asked = new Future<>(loop);
                Future<Void> resume = parked;
                parked = null;
                resume.setResult(null);
                return asked;
            case RUNNING:
                if (producer == null) {
                    return failed(new IllegalStateException("anext(): asynchronous generator is already running"));
                }
                if (asked == null || asked.done()) {
                    // the last asker was cancelled (its task was): the producer goes on for the next one
                    asked = new Future<>(loop);
                }
                return asked;
            default:
                return Answers.FALSE;
        }
    }

    T next() {
        if (phase != Phase.READY) {
            throw new NoSuchElementException("next() without an element: await hasNext() and check that it is true");
        }
        T taken = element;
        element = null;
        phase = Phase.PARKED;
        return taken;
    }

    Future<Void> close() {
        switch (phase) {
            case NEW:
                phase = Phase.ENDED;
                body = null;
                return Answers.CLOSED;
            case ENDED:
                return closed != null ? closed : Answers.CLOSED;
            case CLOSING:
                return closed;
            default:
                if (producer == null) {
                    // asked from inside the body's first step, which runs within hasNext()
                    return failed(new IllegalStateException("aclose(): asynchronous generator is already running"));
                }
                phase = Phase.CLOSING;
                element = null;
                closed = new Future<>(loop);
                // cancelling the producer resumes it where it waits (its emit, or whatever it awaits) with CancelledException
                producer.cancel();
                return closed;
        }
    }

    /** Whether the body started and has not ended: what {@link EventLoop#shutdownAsyncgens()} closes. */
    boolean open() {
        return phase != Phase.NEW && phase != Phase.ENDED;
    }

    private Future<Void> emit(T value) {
        if (phase == Phase.CLOSING) {
            return failed(new IllegalStateException("async generator ignored close(): it emitted while closing"));
        }
        if (phase != Phase.RUNNING) {
            return failed(new IllegalStateException("emit() while the previous emit is pending: await each emit"));
        }
        element = value;
        phase = Phase.READY;
        parked = new Future<>(loop);
        Future<Boolean> waiting = asked;
        asked = null;
        if (waiting != null && !waiting.done()) {
            waiting.setResult(Boolean.TRUE);
        }
        return parked;
    }

    private Future<Boolean> start() {
        phase = Phase.RUNNING;
        Supplier<? extends Task<Void>> starting = body;
        body = null;
        Task<Void> task;
        GeneratorRun<?> outer = STARTING.get();
        STARTING.set(this);
        // the body is a task of its own (the producer), not a call inside the consumer's task
        Task<?> consumer = loop.currentTask();
        loop.currentTask(null);
        try {
            task = starting.get();
        } catch (RuntimeException | Error e) {
            task = failedBody(e);
        } finally {
            loop.currentTask(consumer);
            STARTING.set(outer);
        }
        producer = task != null ? task : Task.completed();
        if (producer.done()) {
            return endedAtOnce();
        }
        loop.openGenerators.started(this, producer);
        producer.addDoneCallback(this::producerEnded);
        if (phase == Phase.READY) {
            return Answers.TRUE;
        }
        asked = new Future<>(loop);
        return asked;
    }

    /** The body ended inside its first step, before suspending: nothing to track. */
    private Future<Boolean> endedAtOnce() {
        phase = Phase.ENDED;
        element = null;
        Throwable failure = producer.cancelled() ? producer.cancelledException() : producer.exception();
        if (failure == null) {
            return Answers.FALSE;
        }
        Future<Boolean> outcome = new Future<>(loop);
        outcome.setException(failure);
        return outcome;
    }

    private void producerEnded(Future<Void> task) {
        loop.openGenerators.ended(this, producer);
        boolean closing = phase == Phase.CLOSING;
        phase = Phase.ENDED;
        element = null;
        parked = null;
        Throwable failure = task.cancelled() ? null : task.exception();
        if (closed != null) {
            if (failure != null && !(failure instanceof CancelledException)) {
                closed.setException(failure);
            } else {
                closed.setResult(null);
            }
        }
        Future<Boolean> waiting = asked;
        asked = null;
        if (waiting != null && !waiting.done()) {
            if (failure != null) {
                waiting.setException(failure);
            } else if (task.cancelled() && !closing) {
                waiting.setException(task.cancelledException());
            } else {
                waiting.setResult(Boolean.FALSE);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Task<Void> failedBody(Throwable thrown) {
        return (Task<Void>) Task.failedTask(thrown);
    }

    private <V> Future<V> failed(Throwable failure) {
        Future<V> outcome = new Future<>(loop);
        outcome.setException(failure);
        return outcome;
    }

    @Override
    public String toString() {
        return "<async generator " + phase.name().toLowerCase(java.util.Locale.ROOT)
                + (producer != null ? " " + producer : "") + ">";
    }
}
