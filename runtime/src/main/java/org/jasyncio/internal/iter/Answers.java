package org.jasyncio.internal.iter;

import org.jasyncio.Future;
import org.jasyncio.Task;

/**
 * The two answers of {@code hasNext()} when it knows at once: shared done futures, so that an
 * iterator whose element is ready allocates nothing to say so. They belong to no loop, as
 * {@link Task#completed} does.
 */
public final class Answers {
    /** An element is there. */
    public static final Future<Boolean> TRUE = Task.completed(Boolean.TRUE);
    /** The iteration ended. */
    public static final Future<Boolean> FALSE = Task.completed(Boolean.FALSE);
    /** A {@code close()} with nothing left to do. */
    public static final Future<Void> CLOSED = Task.completed();

    private Answers() {
    }
}
