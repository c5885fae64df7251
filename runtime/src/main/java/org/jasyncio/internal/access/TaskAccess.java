package org.jasyncio.internal.access;

import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;

/**
 * What the coroutine implementation may do to a {@link Task} beyond its public API: the steps of the
 * protocol in {@code docs/coroutine-protocol.md}. {@code Task} implements it with package-private
 * methods and installs it in {@link Access}, so these operations exist for the runtime and for no one
 * else (the JDK's {@code SharedSecrets} pattern). Internal to jasyncio: not exported.
 */
public interface TaskAccess {

    /** Lists {@code task} in its loop's pending tasks until it finishes. */
    void registerPending(Task<?> task);

    /**
     * Keeps {@code value} in the pending task's outcome field, unused until it finishes (its outcome
     * then replaces it): a coroutine started later parks its arguments there, so no field of its own holds them.
     */
    void park(Task<?> task, Object value);

    /** What {@link #park} kept; {@code null} if nothing is parked ({@code park(task, null)} lets it go). */
    Object parked(Task<?> task);

    /** A done task for a body that failed before it ever suspended (cancelled for a cancellation). */
    Task<?> failedTask(Throwable thrown);

    /** The exception {@code task} failed with, without counting as retrieving it; {@code null} unless it failed. */
    Throwable failure(Task<?> task);

    /** Whether {@code failure}, thrown into an awaiting body, gets the await's frame recorded. */
    boolean recordsAwait(Throwable failure);

    /** Records that {@code failure} passed the {@code await} at {@code frame}. */
    void recordAwait(Throwable failure, StackTraceElement frame);

    /** Records that {@code failure} escaped the resumed body that is running. */
    void recordEscaped(Throwable failure);

    /** Records that {@code failure} passed an awaiting method on whose stack, {@code awaitingStack} down, it was made. */
    void recordShownOnStack(Throwable failure, StackTraceElement[] awaitingStack);

    /** Whether {@code awaited} failed on its awaiting caller's own stack, so needs no await frame. */
    boolean failedOnCallersStack(Future<?> awaited);

    /** The task whose step runs on {@code loop} now, or {@code null} between steps. */
    Task<?> currentTask(EventLoop loop);

    /** Makes {@code task} its loop's current task for one step; returns the previous one. */
    Task<?> enterStep(Task<?> task);

    /** Ends the step {@link #enterStep} began. */
    void leaveStep(Task<?> task, Task<?> previous);

    /** Queues {@code step} on {@code task}'s loop. */
    void scheduleStep(Task<?> task, Runnable step);

    /** Suspends {@code task} on {@code awaited}; {@code wakeUp} (the coroutine: a task that is its own step) runs on the loop when it is done. */
    void suspendOnFuture(Task<?> task, Future<?> awaited, Runnable wakeUp);

    /** What the suspended {@code await} evaluates to on resumption (throws as the await must). */
    Object takeAwaitedResult(Task<?> task);

    /** For a first step: cancels {@code task} instead if cancellation was asked before it ran. */
    boolean cancelIfRequestedBeforeStart(Task<?> task);

    /** Completes {@code task} as {@code returned} did, or waits for it with {@code wakeUp}; whether done. */
    boolean finishAs(Task<?> task, Task<?> returned, Runnable wakeUp);

    /** Completes {@code task} with what escaped its body. */
    void finishThrown(Task<?> task, Throwable thrown);

    /** The task whose outcome {@code task} adopts (after {@link #finishAs} returned false). */
    Task<?> adopted(Task<?> task);
}
