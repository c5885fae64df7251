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
 * <p>Asking a PARKED generator runs the producer's next step inside {@code hasNext()} (see
 * {@link EmitHandover}); when it reaches its next {@code emit} without waiting for anything else,
 * {@code hasNext()} answers with a shared done future, so an element handed over allocates nothing.
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
    /** What every {@code emit} returns, the producer parking on it; made when the body starts. */
    private EmitHandover handover;
    /** Whether a step of the body runs inside {@code hasNext()} now: asking or closing from it is refused. */
    private boolean stepping;
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
        // the producer's task first: a generator starting on this thread may be consuming another
        // one, whose producer step then runs inside the starting body's
        EventLoop loop = CurrentLoop.running();
        GeneratorRun<?> run = loop == null ? null : loop.openGenerators.producedBy(loop.currentTask());
        if (run == null) {
            run = STARTING.get();
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
                return resume();
            case RUNNING:
                if (stepping) {
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
                if (stepping) {
                    // asked from inside a step of the body, which runs within hasNext()
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
        if (handover.done()) {
            // someone cancelled the one handed out before: the body must still be able to park
            handover = new EmitHandover(loop);
        }
        Future<Boolean> waiting = asked;
        asked = null;
        if (waiting != null && !waiting.done()) {
            waiting.setResult(Boolean.TRUE);
        }
        return handover;
    }

    /**
     * Asks the producer parked at its {@code emit} for the next element: on the loop's thread its
     * step runs now; otherwise (the loop not running, or something besides the producer waiting on
     * the handover) completing the handover queues it.
     */
    private Future<Boolean> resume() {
        phase = Phase.RUNNING;
        boolean inline = false;
        if (CurrentLoop.running() == loop) {
            stepping = true;
            try {
                inline = handover.resumeInline();
            } finally {
                stepping = false;
            }
        }
        if (!inline) {
            EmitHandover resumed = handover;
            handover = new EmitHandover(loop);
            if (!resumed.done()) {
                resumed.setResult(null);
            }
        }
        if (phase == Phase.READY) {
            return Answers.TRUE;
        }
        // the body waits for something else, or ended (producerEnded, a done callback, answers then)
        asked = new Future<>(loop);
        return asked;
    }

    private Future<Boolean> start() {
        phase = Phase.RUNNING;
        Supplier<? extends Task<Void>> starting = body;
        body = null;
        handover = new EmitHandover(loop);
        Task<Void> task;
        GeneratorRun<?> outer = STARTING.get();
        STARTING.set(this);
        // the body is a task of its own (the producer), not a call inside the consumer's task; its
        // first step too runs in its own copy of the consumer's context, as a new task's
        Context own = Context.copyContext();
        Task<?> consumer = loop.currentTask();
        loop.currentTask(null);
        stepping = true;
        try {
            task = own.run(starting::get);
        } catch (RuntimeException | Error e) {
            task = failedBody(e);
        } finally {
            stepping = false;
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
