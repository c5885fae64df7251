package org.jasyncio.internal.access;

import java.util.function.Supplier;
import org.jasyncio.EventLoop;
import org.jasyncio.Task;

/**
 * What {@link Task} asks of the coroutine implementation: to start a lazily run body and to describe a
 * task's body for reprs and stacks. The coroutine implementation installs it in {@link Access} when it
 * is initialised. Internal to jasyncio: not exported.
 */
public interface CoroutineAccess {

    /** The task of {@code createTask(body)}: {@code body} is called on the loop's next iteration. */
    <T> Task<T> deferred(EventLoop loop, Supplier<? extends Task<T>> body);

    /** The body's part of {@code task.toString()}, or {@code null} if {@code task} has no body. */
    String describeBody(Task<?> task);

    /** The method and line of the {@code await} {@code task} is suspended at, or {@code null}. */
    StackTraceElement suspensionFrame(Task<?> task);
}
