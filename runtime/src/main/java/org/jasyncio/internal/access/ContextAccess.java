package org.jasyncio.internal.access;

import org.jasyncio.Context;
import org.jasyncio.EventLoop;

/**
 * What the coroutine implementation asks of {@link Context}: whether a step must enter a context, the
 * context a new task copies, and entering and leaving one around a step. {@code Context} installs it in
 * {@link Access}. Internal to jasyncio: not exported.
 */
public interface ContextAccess {

    /** Whether every step must enter a context, because some thread-local is propagated. */
    boolean propagating();

    /** A copy of the calling code's current context for a new task, or {@code null} when it is empty. */
    Context capture();

    /** A new empty context, for a task that needs one at last. */
    Context newContext();

    /** Enters {@code context} on {@code loop}'s thread for one step; what {@link #leave} takes. */
    Object enter(EventLoop loop, Context context);

    /** Leaves what {@link #enter} entered. */
    void leave(Object scope);
}
