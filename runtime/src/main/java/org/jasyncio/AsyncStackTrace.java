package org.jasyncio;

import java.util.Arrays;
import java.util.List;

/**
 * The chain of {@code @Async} methods an exception travelled through by {@code await}, with the
 * source line of each {@code await}: the part of the story a Java stack trace cannot tell,
 * because a task resumed by the event loop has only the loop below it on the stack.
 *
 * <p>When an awaited future's exception is thrown into an awaiting {@code @Async} method, that
 * method and line are appended here, and this record hangs on the exception as a suppressed
 * exception, so {@code printStackTrace()} shows it after the exception's own frames:
 *
 * <pre>
 * java.lang.IllegalStateException: no such user
 *     at com.example.Users.load$async(Users.java:41)
 *     ...
 *     at org.jasyncio.EventLoop.runOnce(EventLoop.java:...)
 *     Suppressed: org.jasyncio.AsyncStackTrace: awaited by, innermost first
 *         at com.example.Users.find(Users.java:30)
 *         at com.example.Main.main(Main.java:12)
 * </pre>
 *
 * <p>{@code await} still throws the very exception object that failed the future; only its
 * suppressed list grows. Nothing is recorded for {@link CancelledException} (each await makes a
 * fresh one), for an exception whose suppression is disabled, or past {@value #MAX_FRAMES}
 * frames. When several tasks await the same failed future, each appends its own frame. The
 * cost is paid only on the failure path: {@code -Djasyncio.asyncStackTraces=false} turns it off.
 * This is a record, never thrown.
 */
public final class AsyncStackTrace extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Whether awaits record their frames; read once, from {@code jasyncio.asyncStackTraces}. */
    static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("jasyncio.asyncStackTraces"));
    /** Bounds the record of an exception that is rethrown through awaits in a loop. */
    static final int MAX_FRAMES = 1024;
    private static final StackTraceElement[] NONE = new StackTraceElement[0];

    /** Guarded by the exception it is attached to. */
    private StackTraceElement[] frames = NONE;

    private AsyncStackTrace() {
        super("awaited by, innermost first", null, false, true);
    }

    /**
     * The awaiting {@code @Async} methods {@code failure} was thrown into, innermost first.
     *
     * @param failure any throwable
     * @return the recorded frames; empty if it never travelled through an {@code await}
     */
    public static List<StackTraceElement> of(Throwable failure) {
        synchronized (failure) {
            AsyncStackTrace trace = find(failure);
            return trace == null ? List.of() : List.of(trace.frames);
        }
    }

    /** The frames are set by {@link #append}; walking the loop's stack here would say nothing. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /**
     * Records that {@code failure} was thrown into the awaiting method at {@code frame}.
     *
     * @param failure what the awaited future failed with
     * @param frame the awaiting method and the line of its {@code await}
     */
    static void append(Throwable failure, StackTraceElement frame) {
        if (failure instanceof CancelledException || failure instanceof AsyncStackTrace) {
            return;
        }
        // an exception may be awaited on several loops at once (a failed CompletableFuture)
        synchronized (failure) {
            AsyncStackTrace trace = find(failure);
            if (trace == null) {
                trace = new AsyncStackTrace();
                failure.addSuppressed(trace);
            }
            if (trace.frames.length < MAX_FRAMES) {
                StackTraceElement[] grown = Arrays.copyOf(trace.frames, trace.frames.length + 1);
                grown[grown.length - 1] = frame;
                trace.frames = grown;
                trace.setStackTrace(grown);
            }
        }
    }

    private static AsyncStackTrace find(Throwable failure) {
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof AsyncStackTrace) {
                return (AsyncStackTrace) suppressed;
            }
        }
        return null;
    }
}
