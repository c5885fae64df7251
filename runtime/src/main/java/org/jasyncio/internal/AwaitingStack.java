package org.jasyncio.internal;

import java.util.Arrays;

/**
 * Where an {@code await} that found its future already failed stands: the fast path has no
 * coroutine to ask, so the awaiting body is the innermost {@code $async} frame of the stack. Used
 * only on the failure path.
 *
 * <p>A failure made on this very stack (a future failed by the awaiting method, or by a method it
 * called, and awaited at once) already shows the awaiting method and its callers in its stack
 * trace, as the synchronous program's would: the await adds no frame of its own then, or the
 * method would show twice; it claims its own activation there instead ({@link #fromBody}).
 */
final class AwaitingStack {
    /** The compiler's name for the method holding a rewritten body: "greet" becomes "greet$async". */
    private static final String BODY_SUFFIX = "$async";

    private final StackTraceElement[] frames;
    private final int body;

    private AwaitingStack(StackTraceElement[] frames, int body) {
        this.frames = frames;
        this.body = body;
    }

    /**
     * The stack of the caller's caller ({@code Coroutine.resultOf}'s awaiting body).
     *
     * @return it, or {@code null} if no rewritten body is on the stack
     */
    static AwaitingStack here() {
        StackTraceElement[] frames = new Throwable().getStackTrace();
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getMethodName().endsWith(BODY_SUFFIX)) {
                return new AwaitingStack(frames, i);
            }
        }
        return null;
    }

    /** The awaiting method, named as in the source, at the line of the {@code await}. */
    StackTraceElement frame() {
        return sourceFrame(frames[body]);
    }

    /** This stack from the awaiting body's frame down. */
    StackTraceElement[] fromBody() {
        return Arrays.copyOfRange(frames, body, frames.length);
    }

    /**
     * Whether {@code failure}'s trace ends with this stack from the awaiting body down (the body
     * at any line: the failure was made before the await's line).
     */
    boolean madeHere(Throwable failure) {
        StackTraceElement[] thrown = failure.getStackTrace();
        int offset = thrown.length - frames.length;
        if (body + offset < 0 || !sameMethod(thrown[body + offset], frames[body])) {
            return false;
        }
        for (int i = body + 1; i < frames.length; i++) {
            if (!thrown[i + offset].equals(frames[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameMethod(StackTraceElement a, StackTraceElement b) {
        return a.getClassName().equals(b.getClassName()) && a.getMethodName().equals(b.getMethodName());
    }

    private static StackTraceElement sourceFrame(StackTraceElement body) {
        String method = body.getMethodName();
        return new StackTraceElement(body.getClassName(), method.substring(0, method.length() - BODY_SUFFIX.length()),
                body.getFileName(), body.getLineNumber());
    }
}
