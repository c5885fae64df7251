package org.jasyncio.internal.access;

import java.util.function.Supplier;
import org.jasyncio.Context;
import org.jasyncio.EventLoop;
import org.jasyncio.Task;

/**
 * What {@link Task} asks of the coroutine implementation: to start a lazily run body, to describe a
 * task's body for reprs and stacks, and the context a task runs in. The coroutine implementation installs it in {@link Access} when it
 * is initialised. Internal to jasyncio: not exported.
 */
public interface CoroutineAccess {

    /**
     * The task of {@code createTask(body)}: {@code body} is called on the loop's next iteration, in
     * {@code context} ({@code null}: a copy of the caller's).
     */
    <T> Task<T> deferred(EventLoop loop, Supplier<? extends Task<T>> body, Context context);

    /** The context {@code task}'s steps run in, made if it had none yet; {@code null} for a task without a body. */
    Context context(Task<?> task);

    /** Whether {@code task} is an {@code @Async} call running as a part of another task (see {@code Coroutine}). */
    boolean runsInAnotherTask(Task<?> task);

    /** Whether {@code task}'s body returned a pending task whose outcome {@code task} waits to take. */
    boolean adopting(Task<?> task);

    /** The context {@code task}'s steps run in, or {@code null} if it has none yet. */
    Context peekContext(Task<?> task);

    /** The body's part of {@code task.toString()}, or {@code null} if {@code task} has no body. */
    String describeBody(Task<?> task);

    /** The method and line of the {@code await} {@code task} is suspended at, or {@code null}. */
    StackTraceElement suspensionFrame(Task<?> task);
}
