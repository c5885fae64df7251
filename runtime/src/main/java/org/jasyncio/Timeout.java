package org.jasyncio;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * asyncio's {@code timeout()} context manager in a Java shape: a deadline (in
 * {@link EventLoop#time()} seconds) that guards one piece of work.
 *
 * <pre>{@code
 * Timeout t = AsyncIO.timeout(1.0);
 * String page = await(t.run(() -> fetch(url)));     // TimeoutException after 1 s
 * // or in one go: await(AsyncIO.timeout(1.0, () -> fetch(url)))
 * }</pre>
 *
 * <p>When the deadline passes, the work is cancelled; the future {@link #run} returned then
 * fails with {@link TimeoutException} if the work ended cancelled because of this deadline,
 * and carries the work's own outcome otherwise (work that caught the cancellation and returned
 * a value gives that value). Cancelling the returned future cancels the work and ends
 * cancelled, never timed out, so with nested timeouts only the one that expired raises. The
 * {@link TimeoutException} says the limit that expired and is caused by the work's
 * {@link CancelledException}, as asyncio raises {@code TimeoutError} from the {@code CancelledError}.
 * {@link #run} enters the timeout before it starts the body, as {@code async with} does, so a
 * deadline already past fires on the loop's next iteration before the body's first wake-up.
 * {@link #reschedule} moves the deadline while the work runs.
 */
public final class Timeout {
    private final EventLoop loop;
    /** The loop time the timeout was made at: its limit is {@code when - started}. */
    private final double started;
    private double when;
    /** The expiry, scheduled: a timer, or a plain callback for a deadline already past. */
    private Handle timer;
    private Future<?> work;
    private boolean expired;
    /** Set by the first {@link #run}: asyncio's "entered". */
    private boolean entered;

    Timeout(EventLoop loop, double when) {
        this.loop = loop;
        this.started = loop.time();
        this.when = when;
    }

    /**
     * Starts the {@code @Async} call {@code body} (it runs at once up to its first suspension
     * when the loop runs on this thread) and guards the task it returns.
     *
     * @param body an {@code @Async} call, e.g. {@code () -> fetch(url)}
     * @param <T> the type of the result
     * @return a future with the work's outcome, or failing with {@link TimeoutException}
     * @throws IllegalStateException if this timeout already guards some work
     */
    public <T> Future<T> run(Supplier<? extends Task<T>> body) {
        // entered before the body starts, as asyncio's `async with`: a deadline already past
        // expires before the body's first wake-up
        enter();
        Task<T> task;
        try {
            task = Objects.requireNonNull(body.get(), "body returned null");
        } catch (RuntimeException | Error e) {
            disarm();
            throw e;
        }
        return guard(task);
    }

    /**
     * Guards {@code work}: cancels it if the deadline passes first.
     *
     * @param work the future to guard
     * @param <T> the type of the result
     * @return a future with the work's outcome, or failing with {@link TimeoutException}
     * @throws IllegalStateException if this timeout already guards some work
     */
    public <T> Future<T> run(Future<T> work) {
        Objects.requireNonNull(work, "work");
        enter();
        return guard(work);
    }

    private void enter() {
        if (entered) {
            throw new IllegalStateException("Timeout has already been entered");
        }
        entered = true;
        arm();
    }

    private <T> Future<T> guard(Future<T> work) {
        this.work = work;
        Guarded<T> outcome = new Guarded<>(loop, work);
        if (work.done()) {
            disarm();
            outcome.adoptOutcome(work);
            return outcome;
        }
        work.addDoneCallback(done -> settle(outcome, done));
        return outcome;
    }

    /** @return the deadline in loop time, {@link Double#POSITIVE_INFINITY} for none */
    public double when() {
        return when;
    }

    /**
     * Moves the deadline; a deadline already past fires on the next iteration.
     *
     * @param when the new deadline in loop time ({@link EventLoop#time()}), or
     *     {@link Double#POSITIVE_INFINITY} for none
     * @throws IllegalStateException if the timeout guards no work yet ("Timeout has not been
     *     entered", as asyncio says before {@code async with}), expired, or its work is done
     */
    public void reschedule(double when) {
        if (!entered) {
            throw new IllegalStateException("Timeout has not been entered");
        }
        if (expired || work == null || work.done()) {
            throw new IllegalStateException("Cannot reschedule a Timeout that has "
                    + (expired ? "expired" : "finished"));
        }
        this.when = when;
        disarm();
        arm();
    }

    /** @return whether the deadline passed and the work was cancelled for it */
    public boolean expired() {
        return expired;
    }

    /**
     * asyncio's repr: {@code <Timeout [active] when=12.345>} (the deadline rounded to
     * milliseconds, {@code None} for none) while it guards work, else {@code <Timeout [created]>},
     * {@code <Timeout [expired]>} or {@code <Timeout [finished]>}.
     */
    @Override
    public String toString() {
        if (expired) {
            return "<Timeout [expired]>";
        }
        if (!entered) {
            return "<Timeout [created]>";
        }
        if (work == null || work.done()) {
            return "<Timeout [finished]>";
        }
        return "<Timeout [active] when=" + (when == Double.POSITIVE_INFINITY ? "None" : Math.round(when * 1000) / 1000.0)
                + ">";
    }

    /** Cancels the work now, as an expiry does. */
    void expire() {
        disarm();
        expired = true;
        work.cancel();
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** A deadline already past expires on the next iteration before the callbacks already due, as asyncio's call_soon does. */
    private void arm() {
        if (when == Double.POSITIVE_INFINITY) {
            return;
        }
        timer = when <= loop.time() ? loop.callSoon(this::expire) : loop.callAt(when, this::expire);
    }

    private <T> void settle(Guarded<T> outcome, Future<T> done) {
        disarm();
        if (done.cancelled() && expired && !outcome.cancelRequested) {
            TimeoutException timedOut = TimeoutException.after(when - started, ": the deadline at loop time "
                    + String.format("%.3f", when) + " passed before the work finished");
            timedOut.initCause(done.cancelledException()); // asyncio raises TimeoutError from the CancelledError
            outcome.finishException(timedOut);
        } else {
            outcome.adoptOutcome(done);
        }
    }

    /** The guarded outcome: cancelling it cancels the work, and it ends as the work ends. */
    private static final class Guarded<T> extends Future<T> {
        private final Future<T> work;
        private boolean cancelRequested;

        Guarded(EventLoop loop, Future<T> work) {
            super(loop);
            this.work = work;
        }

        @Override
        public boolean cancel(String message) {
            if (done()) {
                return false;
            }
            cancelRequested = true;
            work.cancel(message);
            return true;
        }
    }
}
