package org.jasyncio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

import org.jasyncio.internal.Coroutine;

/**
 * Async stack traces: the {@code @Async} methods an exception travelled through by {@code await},
 * written into the exception's own stack trace, so that it reads like the trace of the same
 * program run synchronously (as RMI and .NET put remote and async frames into the exception
 * itself). A task resumed by the event loop has only the loop below it on the stack; what the
 * reader needs instead is who awaited it.
 *
 * <p>When an awaited future's exception is thrown into an awaiting {@code @Async} method, the
 * exception's stack trace is cut where the loop handed control to the code that threw (the
 * compiler's bridge {@code load$resume$0}, a coroutine's step, the loop running a callback), and
 * that method with the line of its {@code await} is appended; each further await appends its own
 * frame:
 *
 * <pre>
 * java.lang.IllegalStateException: no such user
 *     at com.example.Users.load(Users.java:41)      (where it was thrown)
 *     at com.example.Users.find(Users.java:30)      (the await of load())
 *     at com.example.Main.main(Main.java:12)        (the await of find())
 * </pre>
 *
 * <p>A method that returns another call's task (its task adopts that task's outcome) appends its
 * frame at the line of the {@code return} when that task's failure reaches it, as the synchronous
 * program's trace shows the call there. A call that returns another call's task before it ever
 * suspended hands back that very task and has no task of its own (nothing is kept for it, so the
 * common case costs nothing): its frame is not in the trace, as a plain Python function that returns
 * another coroutine leaves none in asyncio's traceback.
 *
 * <p>The first frames of a rewritten trace, the <em>made part</em>, show the stack the exception was
 * made on (in the part kept, a rewritten body's frame {@code load$async} is named {@code load}, and
 * the entry method's frame right below it, the call that only forwards to the body, is dropped: the
 * synchronous program has one frame per call). An await whose method is one of those activations
 * adds no frame: it <em>claims</em> that activation instead, each activation at most once and in
 * order, innermost first, as the exception travels outwards, so that a recursive call at the same
 * line is never taken for its caller:
 * <ul>
 * <li>an exception thrown on the awaiting method's own stack (a call that failed before it ever
 * suspended, awaited or returned at once, or a future failed by the awaiting method or a method it
 * called and awaited at once) shows that method and its callers already: the await claims the
 * method's own activation, found by its distance from the end of the made part, and only the loop's
 * frames go; where that call failed with an exception made elsewhere (received by an await of its
 * own), the method's frame is appended as any await's, and nothing where a caller of the method made
 * it on this stack and handed it down;</li>
 * <li>any other await claims the next unclaimed activation of its method at its line, if the made
 * part has one: a method that made a failure, handed it to another task and awaits that task finds
 * itself there, as in the synchronous program, where the exception would never have left it; else
 * its frame is appended;</li>
 * <li>an exception that escapes a resumed body before any await recorded it has passed that body's
 * activation (the innermost of its method in the made part) and every frame above it: none of them
 * is claimed later.</li>
 * </ul>
 * Nothing else about the exception changes: {@code
 * await} throws the very object that failed the future, and its suppressed exceptions and cause
 * are the program's own. Nothing is recorded for {@link CancelledException} (each await makes a
 * fresh one), for an exception whose stack trace is not writable, or past {@value #MAX_FRAMES}
 * frames. When several tasks await the same failed future, each appends its own frame. The cost is
 * paid only on the failure path: {@code -Djasyncio.asyncStackTraces=false} turns it off.
 */
final class AsyncStackTrace {
    /** Whether awaits record their frames; read once, from {@code jasyncio.asyncStackTraces}. */
    static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("jasyncio.asyncStackTraces"));
    /** Bounds the trace of an exception that is rethrown through awaits in a loop. */
    static final int MAX_FRAMES = 1024;
    /** The compiler's name for a rewritten body: "load" becomes "load$async". */
    private static final String BODY_SUFFIX = "$async";
    /** In the name of the compiler's bridge the loop resumes a body through: "load$resume$0". */
    private static final String BRIDGE_MARK = "$resume$";
    private static final String COROUTINE = Coroutine.class.getName();
    private static final String EVENT_LOOP = EventLoop.class.getName();
    private static final String HANDLE = Handle.class.getName();
    private static final String FUTURE = Future.class.getName();
    /** For each failure whose trace was rewritten, its {@link Made} part. Weak keys: an entry goes with its failure. */
    private static final Map<Throwable, Made> MADE = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The first frames of a rewritten trace, which show where the failure was made (the rest are
     * awaits' frames), and how many of them an await has claimed. An await finds its own
     * activation there only once, and only outside the activations the failure already passed on
     * its way out (innermost first), so a recursive call's frame at the same line is not taken
     * for its caller's.
     */
    private static final class Made {
        final int frames;
        int claimed;

        Made(int frames) {
            this.frames = frames;
        }
    }

    private AsyncStackTrace() {
    }

    /**
     * Records that {@code failure} was thrown into the awaiting method at {@code frame}, or passed on
     * by its {@code return} at {@code frame}: the frame goes below the others, unless the part of the
     * trace showing where the failure was made holds this method at this line and no await claimed
     * it yet (a method that made a failure, handed it to another task and awaits that task finds
     * itself there, as in the synchronous program, where the exception would never have left it).
     *
     * @param failure what the awaited future failed with
     * @param frame the awaiting method and the line of its {@code await}
     */
    static void append(Throwable failure, StackTraceElement frame) {
        withTrace(failure, (trace, made) -> appendUnclaimed(failure, trace, made, frame));
    }

    /** What an await does with a failure's rewritten trace and its made part. */
    @FunctionalInterface
    private interface TraceUpdate {
        void apply(StackTraceElement[] trace, Made made);
    }

    /**
     * Runs {@code update} on {@code failure}'s trace, rewritten (the loop's frames cut) the first
     * time, unless it is a cancellation or its trace is full.
     */
    private static void withTrace(Throwable failure, TraceUpdate update) {
        if (failure instanceof CancelledException) {
            return;
        }
        // an exception may be awaited on several loops at once (a failed CompletableFuture)
        synchronized (failure) {
            StackTraceElement[] trace = failure.getStackTrace();
            if (trace.length >= MAX_FRAMES) {
                return;
            }
            Made made = MADE.get(failure);
            if (made == null) {
                trace = rewrite(failure, trace);
                made = MADE.get(failure);
            }
            update.apply(trace, made);
        }
    }

    /**
     * Records that {@code failure}, which failed a call made on the awaiting method's own stack (a
     * call that failed before it ever suspended, awaited or returned at once), passed that method.
     * Where the failure was made on this stack, its trace shows the method and its callers already:
     * only the loop's frames go, and the method's activation there is claimed (an outer await of the
     * same method at the same line is another activation). A failure made elsewhere, which the call
     * received from an await of its own, gets the method's frame as any await's.
     *
     * @param failure what the awaited future failed with
     * @param awaitingStack the stack from the awaiting method's frame down, as {@link Throwable#getStackTrace()}
     *     shows it; empty when no rewritten body is on the stack
     */
    static void shownOnStack(Throwable failure, StackTraceElement[] awaitingStack) {
        withTrace(failure, (trace, made) -> {
            List<StackTraceElement> here = sourceFrames(awaitingStack);
            if (here.isEmpty()) {
                return;
            }
            // made on this very stack, the made part ends with it: the awaiting method is as far from its end
            int activation = made.frames - here.size();
            if (activation >= made.claimed && endsWith(trace, made.frames, here)) {
                made.claimed = activation + 1;
            } else if (!madeByCaller(trace, made.frames, here)) {
                appendUnclaimed(failure, trace, made, here.get(0));
            }
        });
    }

    /**
     * Whether the first {@code frames} of {@code trace} end with {@code stack}: the same frames but the
     * first (the awaiting method, whose line was the call's when the failure was made).
     */
    private static boolean endsWith(StackTraceElement[] trace, int frames, List<StackTraceElement> stack) {
        int from = frames - stack.size();
        if (from < 0 || !trace[from].getMethodName().equals(stack.get(0).getMethodName())
                || !trace[from].getClassName().equals(stack.get(0).getClassName())) {
            return false;
        }
        for (int i = 1; i < stack.size(); i++) {
            if (!trace[from + i].equals(stack.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the first {@code frames} of {@code trace} end with the stack below the awaiting method:
     * a caller of the awaiting method made the failure and handed it down, as the synchronous program
     * would throw it there, with the trace of where it was made.
     */
    private static boolean madeByCaller(StackTraceElement[] trace, int frames, List<StackTraceElement> stack) {
        for (int caller = 1; caller < stack.size(); caller++) {
            if (endsWith(trace, frames, stack.subList(caller, stack.size()))) {
                return true;
            }
        }
        return false;
    }

    /** Appends {@code frame} to {@code failure}'s trace, unless an unclaimed frame of the made part is it. */
    private static void appendUnclaimed(Throwable failure, StackTraceElement[] trace, Made made, StackTraceElement frame) {
        if (!claims(made, trace, frame)) {
            StackTraceElement[] longer = Arrays.copyOf(trace, trace.length + 1);
            longer[trace.length] = frame;
            failure.setStackTrace(longer);
        }
    }

    /**
     * Records that {@code failure} escaped the resumed body that is running before any await recorded
     * it: the innermost frame of that body's method in the part showing where it was made is the
     * body's own activation, done with the failure as are the frames above it, so no await claims
     * them (a recursive call awaited at the line where the failure was thrown is another
     * activation). A failure that an await recorded already is left as it is, without looking at the
     * stack: that await claimed its activation.
     *
     * @param failure what escaped the body
     */
    static void escaped(Throwable failure) {
        synchronized (failure) {
            if (MADE.containsKey(failure)) {
                return;
            }
            Optional<StackWalker.StackFrame> body = StackWalker.getInstance()
                    .walk(frames -> frames.filter(frame -> frame.getMethodName().endsWith(BODY_SUFFIX)).findFirst());
            StackTraceElement[] trace = failure.getStackTrace();
            if (body.isEmpty() || trace.length >= MAX_FRAMES) {
                return;
            }
            String method = body.get().getMethodName();
            String name = method.substring(0, method.length() - BODY_SUFFIX.length());
            trace = rewrite(failure, trace);
            Made made = MADE.get(failure);
            for (int i = 0; i < made.frames; i++) {
                if (trace[i].getMethodName().equals(name) && trace[i].getClassName().equals(body.get().getClassName())) {
                    made.claimed = i + 1;
                    return;
                }
            }
        }
    }

    /** Cuts the loop's frames from {@code failure}'s trace and notes the part kept as made. */
    private static StackTraceElement[] rewrite(Throwable failure, StackTraceElement[] trace) {
        List<StackTraceElement> kept = sourceFrames(trace);
        MADE.put(failure, new Made(kept.size()));
        StackTraceElement[] rewritten = kept.toArray(new StackTraceElement[0]);
        failure.setStackTrace(rewritten);
        return rewritten;
    }

    /**
     * The frames of {@code trace} above the first where the loop handed control to the code, as the
     * source names them: a rewritten body's frame {@code load$async} is {@code load}, and the entry
     * method's frame right below it (the call that only forwards to the body) goes.
     */
    private static List<StackTraceElement> sourceFrames(StackTraceElement[] trace) {
        List<StackTraceElement> kept = new ArrayList<>(trace.length + 1);
        for (int i = 0; i < trace.length && !isLoop(trace[i]); i++) {
            StackTraceElement element = trace[i];
            String method = element.getMethodName();
            if (!method.endsWith(BODY_SUFFIX)) {
                kept.add(element);
                continue;
            }
            String name = method.substring(0, method.length() - BODY_SUFFIX.length());
            kept.add(new StackTraceElement(element.getClassName(), name, element.getFileName(),
                    element.getLineNumber()));
            if (i + 1 < trace.length && isEntryOf(trace[i + 1], element.getClassName(), name)) {
                i++;
            }
        }
        return kept;
    }

    /**
     * Whether an unclaimed frame of the made part, outside those claimed already, is {@code frame}:
     * then it is claimed, and the trace shows the await already.
     */
    private static boolean claims(Made made, StackTraceElement[] trace, StackTraceElement frame) {
        for (int i = made.claimed; i < made.frames; i++) {
            StackTraceElement shown = trace[i];
            if (shown.getLineNumber() == frame.getLineNumber() && shown.getMethodName().equals(frame.getMethodName())
                    && shown.getClassName().equals(frame.getClassName())) {
                made.claimed = i + 1;
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code element} is where the loop hands control to a step or a callback, the frames
     * below which are the loop's. Only those dispatch frames count: an exception thrown by a loop
     * method the program called ({@code callSoon} on a closed loop) keeps that method and its caller.
     */
    private static boolean isLoop(StackTraceElement element) {
        String type = element.getClassName();
        String method = element.getMethodName();
        if (method.contains(BRIDGE_MARK)) {
            return true;
        }
        if (type.equals(COROUTINE)) {
            // a step, or the supplier of createTask called by its first step
            return method.equals("run") || method.startsWith("lambda$");
        }
        return type.equals(EVENT_LOOP) && method.equals("invoke") || type.equals(HANDLE) && method.equals("runCallback")
                || type.equals(FUTURE) && method.startsWith("lambda$dispatch");
    }

    private static boolean isEntryOf(StackTraceElement element, String type, String method) {
        return element.getClassName().equals(type) && element.getMethodName().equals(method);
    }
}
