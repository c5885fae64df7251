package org.jasyncio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;


/**
 * asyncio's {@code Future}: the eventual outcome of an operation, bound to one event loop.
 *
 * <p>A future is PENDING until it becomes FINISHED (with a result or an exception) or
 * CANCELLED; it never changes again. Its asyncio methods ({@link #result()},
 * {@link #setResult}, {@link #addDoneCallback}, ...) belong to the loop's thread, as in
 * asyncio. Done callbacks run on the loop, in registration order, never inside
 * {@code setResult}. The {@link java.util.concurrent.Future} methods let other threads wait for
 * the outcome: {@link #get()} blocks a foreign thread, and refuses (instead of deadlocking)
 * on the loop's own thread while the future is pending.
 *
 * <p>A future whose exception nobody retrieved (through {@link #result()},
 * {@link #exception()} or an {@code await}) is reported to the loop's exception handler
 * as "Future exception was never retrieved" when it is garbage-collected, or when its loop
 * closes if that comes first; once either way.
 *
 * @param <T> the type of the result
 */
public class Future<T> implements java.util.concurrent.Future<T> {
    private static final byte PENDING = 0;
    private static final byte CANCELLED = 1;
    private static final byte RESULT = 2;
    private static final byte FAILED = 3;

    /** The futures whose result this thread is turning into text, to cut a result that shows its own future. */
    private static final ThreadLocal<Set<Future<?>>> SHOWING_RESULT =
            ThreadLocal.withInitial(() -> Collections.newSetFromMap(new IdentityHashMap<>()));

    /** Null only for the loop-less done tasks of {@link Task#completed}. */
    final EventLoop loop;
    /** Volatile so that {@code done()} and {@code get()} see the outcome from any thread. */
    private volatile byte state;
    /** The result, the exception, or the cancel message, as the state says. */
    private Object outcome;
    /**
     * The done callbacks: null, the only one (the common single-waiter case, no list), or a
     * {@link CallbackList} of them in registration order. One field, so a future is 32 bytes.
     */
    private Object callbacks;
    /** Set when an outcome may need reporting at collection time; see {@link LostOutcome}. */
    LostOutcome lostOutcome;
    /** Set once the exception of a failed future was retrieved: no report is owed. Any thread may set it. */
    volatile boolean exceptionSeen;

    /** A pending future on {@link AsyncIO#getEventLoop()}. */
    public Future() {
        this(AsyncIO.getEventLoop());
    }

    /**
     * A pending future on {@code loop}.
     *
     * @param loop the loop that runs its done callbacks
     */
    public Future(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
        // a task's site is createTask's caller (Task.lazy), not the runtime frames making its coroutine
        if (loop.getDebug() && !(this instanceof Task)) {
            loop.creationSites.record(this);
        }
    }

    /** A future that is born done and belongs to no loop until someone needs one. */
    Future(boolean failed, Object outcome) {
        this.loop = null;
        this.outcome = outcome;
        this.state = failed ? FAILED : RESULT;
    }

    /** A future that is born cancelled and belongs to no loop. */
    Future(String cancelMessage) {
        this.loop = null;
        this.outcome = cancelMessage;
        this.state = CANCELLED;
    }

    /**
     * The loop this future belongs to. A done task made by {@link Task#completed} belongs to
     * none and answers the caller's {@link AsyncIO#getEventLoop()}.
     *
     * @return the loop that runs this future's callbacks
     */
    public EventLoop getLoop() {
        return loop != null ? loop : AsyncIO.getEventLoop();
    }

    /**
     * The result of a finished future.
     *
     * @return the result
     * @throws InvalidStateException "Result is not set." while pending
     * @throws CancelledException if the future was cancelled, with the cancel message
     * @throws RuntimeException the very exception the future failed with (a checked one is
     *     thrown too, undeclared, as {@code await} does)
     */
    @SuppressWarnings("unchecked")
    public T result() {
        switch (state) {
            case RESULT:
                return (T) outcome;
            case FAILED:
                markRetrieved();
                throw sneakyThrow((Throwable) outcome);
            case CANCELLED:
                throw cancelledException();
            default:
                throw new InvalidStateException("Result is not set.");
        }
    }

    /**
     * The exception of a finished future.
     *
     * @return the exception it failed with, or {@code null} if it has a result
     * @throws InvalidStateException "Exception is not set." while pending
     * @throws CancelledException if the future was cancelled
     */
    public Throwable exception() {
        switch (state) {
            case RESULT:
                return null;
            case FAILED:
                markRetrieved();
                return (Throwable) outcome;
            case CANCELLED:
                throw cancelledException();
            default:
                throw new InvalidStateException("Exception is not set.");
        }
    }

    /**
     * Finishes the future with a result and schedules its done callbacks.
     *
     * @param value the result
     * @throws InvalidStateException if the future is already done
     */
    public void setResult(T value) {
        requirePending();
        finish(RESULT, value);
    }

    /**
     * Finishes the future with an exception and schedules its done callbacks.
     *
     * @param exception the failure; {@code await} and {@link #result()} throw it as it is
     * @throws InvalidStateException if the future is already done
     */
    public void setException(Throwable exception) {
        Objects.requireNonNull(exception, "exception");
        requirePending();
        finish(FAILED, exception);
        LostOutcome.watchException(this, exception);
    }

    /**
     * Cancels the future and schedules its done callbacks.
     *
     * @return {@code false} if the future was already done, else {@code true}
     */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the future and schedules its done callbacks; {@link #result()} then throws a
     * {@link CancelledException} carrying {@code message}. On a future that already failed it
     * changes nothing but this: its exception is no longer reported as never retrieved (asking to
     * cancel says the outcome is not wanted, as in asyncio).
     *
     * @param message why, or {@code null}
     * @return {@code false} if the future was already done, else {@code true}
     */
    public boolean cancel(String message) {
        if (state == FAILED) {
            markRetrieved();
        }
        return cancelFuture(message);
    }

    /** Same as {@link #cancel()}: a loop's future cannot interrupt anything. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return cancel();
    }

    /** @return whether the future was cancelled */
    public boolean cancelled() {
        return state == CANCELLED;
    }

    /** @return whether the future is finished or cancelled */
    public boolean done() {
        return state != PENDING;
    }

    /** Same as {@link #cancelled()}. */
    @Override
    public boolean isCancelled() {
        return cancelled();
    }

    /** Same as {@link #done()}; safe from any thread. */
    @Override
    public boolean isDone() {
        return done();
    }

    /**
     * Schedules {@code callback} to run on the loop with this future once it is done, after the
     * callbacks registered before it; if the future is already done, it is scheduled now. It runs in
     * a copy of the {@link Context} current when it was added, as in asyncio.
     *
     * @param callback receives this future
     */
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        // asyncio runs a done callback in a copy of the context current when it was added
        Context context = Context.forCallback();
        // a registered Task is a task to wake, queued as it is: hide a callback that happens to be one
        addCallback(context != null || callback instanceof Task ? new DoneCallback<>(callback, context) : callback);
    }

    /**
     * Removes every registration of {@code callback} that has not run yet.
     *
     * @param callback a callback given to {@link #addDoneCallback}
     * @return how many registrations were removed
     */
    public int removeDoneCallback(Consumer<? super Future<T>> callback) {
        if (callbacks instanceof CallbackList list) {
            int before = list.size();
            list.removeIf(target -> registers(target, callback));
            return before - list.size();
        }
        if (registers(callbacks, callback)) {
            callbacks = null;
            return 1;
        }
        return 0;
    }

    /**
     * Waits for the outcome from a thread other than the loop's.
     *
     * @throws IllegalStateException on the loop's own thread while the future is pending:
     *     waiting there would stop the loop that must complete it; {@code await} it instead. Also
     *     while the loop is not running and is this thread's current loop: run it instead
     *     ({@code AsyncIO.run} or {@code loop.runUntilComplete})
     * @throws CancelledException if the future was cancelled
     * @throws ExecutionException wrapping the exception it failed with
     */
    @Override
    public T get() throws InterruptedException, ExecutionException {
        if (!done()) {
            refuseOnOwnLoop();
            BlockedGetters.await(this, -1, null);
        }
        return outcomeForGet();
    }

    /**
     * Waits at most {@code timeout} for the outcome from a thread other than the loop's.
     *
     * @throws java.util.concurrent.TimeoutException if the future is still pending then
     * @throws IllegalStateException on the loop's own thread while the future is pending, or when
     *     the loop is this thread's current loop and is not running (see {@link #get()})
     * @throws CancelledException if the future was cancelled
     * @throws ExecutionException wrapping the exception it failed with
     */
    @Override
    public T get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        if (!done() && !refuseOnOwnLoop() && !BlockedGetters.await(this, timeout, unit)) {
            throw new java.util.concurrent.TimeoutException("Future still pending after " + timeout + " " + unit);
        }
        return outcomeForGet();
    }

    /**
     * A {@link CompletableFuture} that completes (on this future's loop) as this future does:
     * with its result, its exception, or cancelled. Cancelling the returned future does not
     * cancel this one.
     *
     * @return a new completion stage mirroring this future
     */
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> stage = new CompletableFuture<>();
        addDoneCallback(f -> {
            if (f.cancelled()) {
                stage.cancel(false);
            } else if (f.state == FAILED) {
                stage.completeExceptionally(f.exception());
            } else {
                stage.complete(f.result());
            }
        });
        return stage;
    }

    /**
     * asyncio's repr: {@code <Future pending>}, {@code <Future finished result=1>}, ..., and in debug
     * mode where it was created: {@code <Future pending created at Main.java:12>}. A result that
     * shows this future again (a set of tasks holding its own task) shows it as {@code ...} there, as
     * asyncio's {@code reprlib.recursive_repr} does. An anonymous subclass shows the class it extends.
     */
    @Override
    public String toString() {
        Class<?> named = getClass();
        while (named.isAnonymousClass()) {
            named = named.getSuperclass();
        }
        return "<" + named.getSimpleName() + " " + describeState() + describeOutcome() + describeCreation() + ">";
    }

    /** The repr's last part in debug mode, as asyncio's: {@code " created at Main.java:12"}; else nothing. */
    String describeCreation() {
        return loop == null ? "" : loop.creationSites.describe(this);
    }

    /** The state word of the repr: pending, cancelled or finished. */
    String describeState() {
        switch (state) {
            case PENDING:
                return "pending";
            case CANCELLED:
                return "cancelled";
            default:
                return "finished";
        }
    }

    /** The outcome part of the repr, last in asyncio's: {@code " result=1"}, {@code " exception=..."} or nothing. */
    String describeOutcome() {
        if (state == FAILED) {
            return " exception=" + outcome;
        }
        if (state != RESULT) {
            return "";
        }
        Set<Future<?>> showing = SHOWING_RESULT.get();
        if (!showing.add(this)) {
            return " result=...";
        }
        try {
            String text = String.valueOf(outcome);
            return " result=" + (text.length() <= 60 ? text : text.substring(0, 57) + "...");
        } finally {
            showing.remove(this);
        }
    }

    /** Cancels as a plain future does; {@link Task} overrides {@link #cancel(String)}. */
    final boolean cancelFuture(String message) {
        if (state != PENDING) {
            return false;
        }
        finish(CANCELLED, message);
        return true;
    }

    /** Finishes without the state check, for tasks (whose public setters refuse). */
    final void finish(byte newState, Object newOutcome) {
        outcome = newOutcome;
        state = newState;
        BlockedGetters.release(this);
        if (lostOutcome != null) {
            lostOutcome.settle();
        }
        finished();
        scheduleCallbacks();
    }

    /** Called once, when the future has just finished; tasks leave their loop's list here. */
    void finished() {
    }

    /**
     * Called on the loop's thread when the task awaiting this future, which has a result, was
     * cancelled before it resumed: the task will never take the result (a cancelled task resumes with
     * {@link CancelledException}, whatever it awaited). A subclass whose result is a resource taken
     * from somewhere (a lock, a queue item, bytes read from a stream) overrides this to give it back,
     * as asyncio's primitives pass a resource on when the woken task was cancelled meanwhile. Does
     * nothing by default.
     */
    protected void resultAbandoned() {
    }

    final void finishResult(Object value) {
        finish(RESULT, value);
    }

    final void finishException(Throwable exception) {
        finish(FAILED, exception);
        LostOutcome.watchException(this, exception);
    }

    /** Finishes this future as {@code from} finished; {@code from} must be done. */
    final void adoptOutcome(Future<?> from) {
        if (from.cancelled()) {
            cancelFuture(from.cancelMessage());
        } else if (from.failed()) {
            finishException(from.exception());
        } else {
            finishResult(from.result());
        }
    }

    final boolean failed() {
        return state == FAILED;
    }

    /** The exception of a failed future, without counting as retrieving it. */
    final Throwable failure() {
        return state == FAILED ? (Throwable) outcome : null;
    }

    /** The cancel message of a cancelled future. */
    final String cancelMessage() {
        return state == CANCELLED ? (String) outcome : null;
    }

    final CancelledException cancelledException() {
        return new CancelledException((String) outcome);
    }

    /**
     * Lets {@link Yield} keep the value it will finish with in {@code outcome}, which a
     * pending future does not use: one field less, so {@code sleep(0)} allocates 32 bytes. A
     * coroutine that starts later parks its arguments there in the same way.
     */
    final void parkOutcome(Object value) {
        outcome = value;
    }

    final Object parkedOutcome() {
        return outcome;
    }

    /** Registers a done callback (a {@link Consumer}) or a task to wake (a {@link Task} that is its own {@link Runnable} step); both run through the loop queue. */
    final void addCallback(Object target) {
        if (state != PENDING) {
            dispatch(target, loop != null ? loop : AsyncIO.getEventLoop());
        } else if (callbacks == null) {
            callbacks = target;
        } else if (callbacks instanceof CallbackList list) {
            list.add(target);
        } else {
            CallbackList list = new CallbackList();
            list.add(callbacks);
            list.add(target);
            callbacks = list;
        }
    }

    /**
     * Unregisters the task waiting on this pending future, when it is the only callback, so that its
     * owner can run the task's step itself ({@link EmitHandover}).
     *
     * @return the task, or null (nothing, or something else, is registered; or the future is done)
     */
    final Task<?> takeWaitingTask() {
        if (state != PENDING || !(callbacks instanceof Task<?> waiting)) {
            return null;
        }
        callbacks = null;
        return waiting;
    }

    private void scheduleCallbacks() {
        Object registered = callbacks;
        if (registered == null) {
            return;
        }
        callbacks = null;
        if (registered instanceof CallbackList list) {
            for (Object target : list) {
                dispatch(target, loop);
            }
        } else {
            dispatch(registered, loop);
        }
    }

    private static boolean registers(Object target, Consumer<?> callback) {
        return callback.equals(target instanceof DoneCallback ? ((DoneCallback<?>) target).callback() : target);
    }

    /**
     * A done callback with the context it runs in, or one that is also a {@link Task}, so that it is
     * not taken for a task to wake.
     */
    private record DoneCallback<F>(Consumer<? super F> callback, Context context) implements Consumer<F> {
        @Override
        public void accept(F future) {
            if (context == null) {
                callback.accept(future);
            } else {
                context.run(() -> callback.accept(future));
            }
        }
    }

    /** More than one done callback; its own type, so that it cannot be mistaken for a callback. */
    private static final class CallbackList extends ArrayList<Object> {
        CallbackList() {
            super(4);
        }
    }

    @SuppressWarnings("unchecked")
    private void dispatch(Object target, EventLoop on) {
        if (target instanceof Task) {
            // only the runtime registers a task itself: the coroutine to wake, a Runnable step
            on.enqueue((Runnable) target);
        } else {
            Consumer<? super Future<T>> consumer = (Consumer<? super Future<T>>) target;
            on.enqueue(() -> consumer.accept(this));
        }
    }

    private void requirePending() {
        if (state != PENDING) {
            throw new InvalidStateException(stateName() + ": " + this);
        }
    }

    private String stateName() {
        return state == PENDING ? "PENDING" : state == CANCELLED ? "CANCELLED" : "FINISHED";
    }

    final void markRetrieved() {
        exceptionSeen = true;
        LostOutcome report = lostOutcome;
        if (report != null) {
            report.settle();
        }
    }

    /** Always false; throws when blocking would deadlock the loop that must complete this future. */
    private boolean refuseOnOwnLoop() {
        EventLoop running = CurrentLoop.running();
        if (running != null && (loop == null || running == loop)) {
            throw new IllegalStateException("Future.get() called on the thread of its running event loop while the "
                    + "future is pending: this would block the loop that must complete it; await it instead");
        }
        // the thread that should run this loop would wait for it instead (main calling an @Async method and get())
        if (running == null && loop != null && !loop.isRunning() && loop == CurrentLoop.policy().currentLoopOrNull()) {
            throw new IllegalStateException("Future.get() called on the thread whose event loop holds the future, and "
                    + "that loop is not running: nothing would ever complete it; run the loop instead, e.g. "
                    + "AsyncIO.run(() -> main()) or loop.runUntilComplete(future)");
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private T outcomeForGet() throws ExecutionException {
        switch (state) {
            case RESULT:
                return (T) outcome;
            case FAILED:
                markRetrieved();
                throw new ExecutionException((Throwable) outcome);
            default:
                throw cancelledException();
        }
    }

    /** Throws {@code t} without declaring it: asyncio's futures re-raise checked failures too. */
    @SuppressWarnings("unchecked")
    static <X extends Throwable> RuntimeException sneakyThrow(Throwable t) throws X {
        throw (X) t;
    }
}
