package org.jasyncio;

import java.util.List;

/**
 * asyncio's {@code ExceptionGroup('unhandled errors in a TaskGroup', ...)}: the failures of a
 * {@link TaskGroup}'s tasks (and of its body), reported together. Each is also attached as a
 * suppressed exception, so {@code printStackTrace()} shows them all.
 */
public class TaskGroupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<Throwable> exceptions;

    /**
     * @param exceptions the failures, in the order they happened; not empty
     */
    public TaskGroupException(List<? extends Throwable> exceptions) {
        super("unhandled errors in a TaskGroup (" + exceptions.size()
                + (exceptions.size() == 1 ? " sub-exception)" : " sub-exceptions)"));
        this.exceptions = List.copyOf(exceptions);
        for (Throwable failure : this.exceptions) {
            addSuppressed(failure);
        }
    }

    /** @return the failures, in the order they happened (the body's, if any, last) */
    public List<Throwable> getExceptions() {
        return exceptions;
    }
}
