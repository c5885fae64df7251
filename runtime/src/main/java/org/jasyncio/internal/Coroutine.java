package org.jasyncio.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.Context;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.internal.access.Access;
import org.jasyncio.internal.access.ContextAccess;
import org.jasyncio.internal.access.LoopAccess;
import org.jasyncio.internal.access.CoroutineAccess;
import org.jasyncio.internal.access.TaskAccess;
import org.jasyncio.internal.loop.PlainCompletableFuture;

/**
 * The task of an {@code @Async} call that suspended (or was started lazily): the state
 * machine the compiler's rewritten methods drive, as {@code docs/coroutine-protocol.md}
 * specifies. Not for user code: the compiler emits every call.
 *
 * <p>The object is the task, the spill storage and the wake-up at once: it registers itself
 * as the awaited future's done callback and is queued on the loop as a plain
 * {@link Runnable}, so a suspension allocates nothing. Every resumption goes through the
 * loop's ready queue, but one: an async generator's producer parked at its {@code emit} is
 * stepped by {@link #run()} inside its consumer's {@code hasNext()}. What the body keeps across a
 * suspension lives in the typed fields of a subclass from {@link Frames}; this class keeps nothing
 * of the body's.
 *
 * @param <T> the type of the result
 */
public class Coroutine<T> extends Task<T> implements Runnable {
    /**
     * A negative state: the body has returned a pending task, whose outcome the coroutine adopts,
     * at line {@code ADOPTING - state} ({@code ADOPTING} itself: the line is unknown).
     */
    private static final int ADOPTING = -1;
    private static final String UNKNOWN_SOURCE = "unknown source";
    /** Task's package-private operations; a coroutine is a task that the runtime drives. */
    private static final TaskAccess TASKS = Access.tasks();
    private static final ContextAccess CONTEXTS = Access.contexts();
    /** Which loop this thread has: the loops' package-private operations. */
    private static final LoopAccess LOOPS = Access.loops();
    private static final Resumer DEFERRED_BODY = co -> {
        @SuppressWarnings("unchecked")
        Supplier<? extends Task<?>> body = (Supplier<? extends Task<?>>) TASKS.parked(co);
        TASKS.park(co, null);
        return complete(body.get(), co, 0);
    };
    /** createTask's bodies, one description per lambda class: named after the class that wrote it. */
    private static final ClassValue<CoroutineMethod> DEFERRED = new ClassValue<>() {
        @Override
        protected CoroutineMethod computeValue(Class<?> body) {
            return new CoroutineMethod(DEFERRED_BODY, describe(body), new int[0], Coroutine.class, 0, 0);
        }
    };

    static {
        Access.install(new CoroutineAccess() {
            @Override
            public <T> Task<T> deferred(EventLoop loop, Supplier<? extends Task<T>> body, Context context) {
                return Coroutine.deferred(loop, body, context);
            }

            @Override
            public Context context(Task<?> task) {
                return task instanceof Coroutine ? ((Coroutine<?>) task).owner().context() : null;
            }

            @Override
            public boolean runsInAnotherTask(Task<?> task) {
                return task instanceof Coroutine && ((Coroutine<?>) task).owner() != task;
            }

            @Override
            public boolean adopting(Task<?> task) {
                return task instanceof Coroutine && ((Coroutine<?>) task).state == ADOPTING;
            }

            @Override
            public Context peekContext(Task<?> task) {
                return task instanceof Coroutine ? ((Coroutine<?>) task).owner().ownContext() : null;
            }

            @Override
            public String describeBody(Task<?> task) {
                return task instanceof Coroutine ? ((Coroutine<?>) task).describeBody() : null;
            }

            @Override
            public StackTraceElement suspensionFrame(Task<?> task) {
                return task instanceof Coroutine ? ((Coroutine<?>) task).suspensionFrame() : null;
            }
        });
    }

    /** The suspension point to resume at; 0 before the body started. */
    public int state;
    /** The bridge, the name and the lines of the method, shared by all its tasks. */
    private final CoroutineMethod method;
    /**
     * One field for two things a task never needs together. For an {@code @Async} method called inside
     * a step of another task: that task, the asyncio task this body runs as a part of; its steps run as
     * that task ({@code currentTask()}) in that task's context, as a coroutine awaited by an asyncio task
     * runs inside it. Otherwise the body is a task of its own, and this is the context of its steps:
     * {@code null} until one is needed (empty).
     */
    private Object ownerOrContext;

    /** The bridge the compiler binds per method: calls the body with this coroutine. */
    @FunctionalInterface
    public interface Resumer {
        /**
         * Runs the body from {@code co.state} to its next suspension or its end.
         *
         * @param co the coroutine to resume
         * @return what the body returned: {@code co} when it suspended or finished
         */
        Task<?> resume(Coroutine<?> co);
    }

    Coroutine(EventLoop loop, CoroutineMethod method) {
        super(loop);
        this.method = method;
        TASKS.registerPending(this);
    }

    /**
     * Whether a fresh call may run its body at once.
     *
     * @return true iff an event loop is running on this thread
     */
    public static boolean runsEagerly() {
        return LOOPS.running() != null;
    }

    /**
     * The task of a call on {@link AsyncIO#getEventLoop()}, in the layout of {@code method}'s frame.
     *
     * @param method the method's description, from its {@code describe} call site
     * @return a pending coroutine in state 0
     * @throws IllegalStateException "There is no current event loop in thread ..." naming
     *     the method, when this thread has no loop
     */
    public static Coroutine<?> create(CoroutineMethod method) {
        EventLoop running = LOOPS.running();
        Coroutine<?> co = Frames.make(running != null ? running : LOOPS.current(method.where), method);
        Task<?> caller = running == null ? null : TASKS.currentTask(running);
        if (caller instanceof Coroutine) {
            co.ownerOrContext = ((Coroutine<?>) caller).owner();
        } else {
            // called outside any task (a callback, or before the loop runs): a task of its own
            co.ownerOrContext = CONTEXTS.capture();
        }
        return co;
    }

    /** The lazily started task of {@code createTask}: see {@code Task.lazy}. */
    @SuppressWarnings("unchecked")
    private static <T> Task<T> deferred(EventLoop loop, Supplier<? extends Task<T>> body, Context context) {
        Coroutine<T> co = (Coroutine<T>) Frames.make(loop, DEFERRED.get(body.getClass()));
        TASKS.park(co, body);
        co.ownerOrContext = context != null ? context : CONTEXTS.capture();
        co.startSoon();
        return co;
    }

    /** The task this body runs as a part of: itself, or the task whose step called it. */
    private Coroutine<?> owner() {
        return ownerOrContext instanceof Coroutine ? (Coroutine<?>) ownerOrContext : this;
    }

    /** The context of this task's own steps ({@code owner() == this}), or null if none was made yet. */
    private Context ownContext() {
        return ownerOrContext instanceof Context ? (Context) ownerOrContext : null;
    }

    /** This task's context, made empty if it has none yet. */
    private Context context() {
        Context context = ownContext();
        if (context == null) {
            context = CONTEXTS.newContext();
            ownerOrContext = context;
        }
        return context;
    }

    /**
     * Keeps the arguments of a call that starts later (no loop runs on this thread), boxed, until its
     * first step reads them with {@link #argument}: a frame is sized for the suspension points, and most
     * calls start at once.
     *
     * @param arguments the values the body needs at its start, in the compiler's order
     */
    public void parkArguments(Object[] arguments) {
        TASKS.park(this, arguments);
    }

    /**
     * One of the {@link #parkArguments parked arguments}; reading the last one lets them all go.
     *
     * @param index its position
     * @return the boxed value
     */
    public Object argument(int index) {
        Object[] arguments = (Object[]) TASKS.parked(this);
        if (index == arguments.length - 1) {
            TASKS.park(this, null);
        }
        return arguments[index];
    }

    /** Queues the first step (state 0) on the loop's next iteration. */
    public void startSoon() {
        TASKS.scheduleStep(this, this);
    }

    /**
     * The fast-path check of an {@code await}. Any stage but a plain {@link CompletableFuture}
     * (see {@link PlainCompletableFuture}) counts as not done: {@link #suspendOn} waits for it
     * through {@code whenComplete}, the one thing every stage supports.
     *
     * @param awaitable a {@link Future} or {@link CompletionStage}
     * @return whether it is done, so that {@link #resultOf} will not block
     */
    public static boolean isDone(Object awaitable) {
        if (awaitable instanceof Future) {
            return ((Future<?>) awaitable).done();
        }
        if (PlainCompletableFuture.is(awaitable)) {
            return ((CompletableFuture<?>) awaitable).isDone();
        }
        if (awaitable instanceof CompletionStage) {
            return false;
        }
        throw new NullPointerException("await(null): nothing to await");
    }

    /**
     * The value of a done awaitable.
     *
     * @param awaitable a done {@link Future} or plain {@link CompletableFuture}
     * @return its result
     * @throws CancelledException if it was cancelled; its own exception if it failed
     */
    public static Object resultOf(Object awaitable) {
        if (awaitable instanceof Future) {
            Future<?> future = (Future<?>) awaitable;
            try {
                return future.result();
            } catch (Throwable failure) {
                if (TASKS.recordsAwait(failure)) {
                    recordCallersAwait(failure, TASKS.failedOnCallersStack(future));
                }
                throw sneakyThrow(failure);
            }
        }
        CompletableFuture<?> stage = (CompletableFuture<?>) awaitable;
        try {
            return stage.getNow(null);
        } catch (CompletionException e) {
            Throwable failure = e.getCause() != null ? e.getCause() : e;
            if (TASKS.recordsAwait(failure)) {
                recordCallersAwait(failure, false);
            }
            throw sneakyThrow(failure);
        } catch (java.util.concurrent.CancellationException e) {
            throw e instanceof CancelledException ? e : new CancelledException(e.getMessage());
        }
    }

    /**
     * Only a failing await pays for looking at the stack (see {@link AwaitingStack}).
     *
     * @param madeOnStack whether {@code failure} is known to have been made on this stack (by a call
     *     that failed before it ever suspended), whose trace shows the awaiting body and its callers
     */
    private static void recordCallersAwait(Throwable failure, boolean madeOnStack) {
        AwaitingStack stack = AwaitingStack.here();
        if (madeOnStack || stack != null && stack.madeHere(failure)) {
            TASKS.recordShownOnStack(failure, stack == null ? new StackTraceElement[0] : stack.fromBody());
        } else if (stack != null) {
            TASKS.recordAwait(failure, stack.frame());
        }
    }

    /**
     * Suspends at point {@code state}: the step returns, and the loop resumes the body when
     * {@code awaitable} is done. A {@link CompletionStage} is bridged to a future of this loop
     * that a foreign thread completes through the thread-safe queue.
     *
     * @param awaitable a pending {@link Future} or a {@link CompletionStage}
     * @param state the suspension point to resume at (its line, for reprs, is the method's)
     * @throws IllegalStateException for this task itself or a future of another loop
     */
    public void suspendOn(Object awaitable, int state) {
        this.state = state;
        Future<?> future = awaitable instanceof Future
                ? (Future<?>) awaitable
                : AsyncIO.wrapFuture((CompletionStage<?>) awaitable, getLoop());
        TASKS.suspendOnFuture(this, future, this);
    }

    /**
     * What the suspended {@code await} evaluates to.
     *
     * @return the awaited value
     * @throws CancelledException if the task was cancelled while suspended
     */
    public Object resumeValue() {
        try {
            return TASKS.takeAwaitedResult(this);
        } catch (Throwable failure) {
            if (TASKS.recordsAwait(failure)) {
                TASKS.recordAwait(failure, suspensionFrame());
            }
            throw sneakyThrow(failure);
        }
    }

    /**
     * Leaves the body with {@code return returned}. When {@code co} adopts the outcome of a task
     * that failed, the body's frame at {@code line} goes into the failure's stack trace, as an
     * {@code await} there would put it (the synchronous program's trace shows the call there).
     *
     * @param returned the task the body returned ({@code null}: result {@code null})
     * @param co the coroutine, or {@code null} if the call never suspended
     * @param line the source line of the {@code return}; 0 if unknown
     * @return {@code returned} itself when {@code co} is null, else {@code co}
     */
    public static Task<?> complete(Task<?> returned, Coroutine<?> co, int line) {
        if (co == null) {
            // the call hands back the very task: it has no task of its own to show a frame of
            return returned != null ? returned : Task.completed();
        }
        if (!TASKS.finishAs(co, returned, co)) {
            co.state = ADOPTING - Math.max(line, 0);
        } else if (returned != null) {
            co.recordReturn(returned, line);
        }
        return co;
    }

    /**
     * Records that the body's {@code return} at {@code line} passed on the failure of {@code returned},
     * a done task whose outcome this coroutine adopted.
     */
    private void recordReturn(Task<?> returned, int line) {
        Throwable failure = TASKS.failure(this);
        if (failure == null || line <= 0 || !TASKS.recordsAwait(failure)) {
            return;
        }
        if (TASKS.failedOnCallersStack(returned)) {
            // the call failed on this body's own stack, at this very return
            recordCallersAwait(failure, true);
        } else {
            TASKS.recordAwait(failure, frameAt(line));
        }
    }

    /**
     * Leaves the body with an escaping throwable. A {@link VirtualMachineError} escaping a resumed
     * body fails the task and is rethrown out of the loop, as asyncio's task sets
     * {@code KeyboardInterrupt} and {@code SystemExit} as its exception and re-raises them; one
     * escaping a call that never suspended is thrown at the call, as from a plain method (its caller's
     * step is what the loop runs), and no task keeps it where nobody might look.
     *
     * @param thrown what escaped
     * @param co the coroutine, or {@code null} if the call never suspended
     * @return the failed (for {@link CancelledException}: cancelled) task
     */
    public static Task<?> fail(Throwable thrown, Coroutine<?> co) {
        if (co == null) {
            if (thrown instanceof VirtualMachineError) {
                throw (VirtualMachineError) thrown;
            }
            return TASKS.failedTask(thrown);
        }
        if (thrown instanceof VirtualMachineError) {
            TASKS.finishThrown(co, thrown);
            throw (VirtualMachineError) thrown;
        }
        if (TASKS.recordsAwait(thrown)) {
            // the body, and every method it called on the way, is done with it (AsyncStackTrace)
            TASKS.recordEscaped(thrown);
        }
        TASKS.finishThrown(co, thrown);
        return co;
    }

    /** One step, run from the loop's ready queue. */
    @Override
    public void run() {
        if (done()) {
            return;
        }
        if (state <= ADOPTING) {
            Task<?> adopted = TASKS.adopted(this);
            TASKS.finishAs(this, adopted, this);
            recordReturn(adopted, ADOPTING - state);
            return;
        }
        if (state == 0 && TASKS.cancelIfRequestedBeforeStart(this)) {
            return;
        }
        Coroutine<?> task = owner();
        // the common case enters no context: none was ever set in this task and nothing is propagated
        Object scope = task.ownContext() == null && !CONTEXTS.propagating() ? null : CONTEXTS.enter(getLoop(), task.context());
        Task<?> previous = TASKS.enterStep(task);
        try {
            method.resumer.resume(this);
        } catch (VirtualMachineError fatal) {
            // from fail(): the task already failed with it; out of the loop it goes
            if (!done()) {
                TASKS.finishThrown(this, fatal);
            }
            throw fatal;
        } catch (Throwable bridgeFailure) {
            // the body's own catch-all handles its exceptions; this is a failing bridge
            TASKS.finishThrown(this, bridgeFailure);
        } finally {
            TASKS.leaveStep(task, previous);
            if (scope != null) {
                CONTEXTS.leave(scope);
            }
        }
    }

    private String describeBody() {
        if (method.resumer == DEFERRED_BODY && state <= ADOPTING && TASKS.adopted(this) instanceof Coroutine) {
            // createTask's lambda only started the @Async call: name the method the user wrote
            return ((Coroutine<?>) TASKS.adopted(this)).describeBody();
        }
        String name = shortName();
        if (done()) {
            return name + " done, defined at " + file();
        }
        if (state <= 0) {
            return name;
        }
        return name + " running at " + file() + ":" + method.line(state);
    }

    /** "pkg.Greeter.greet(Greeter.java)" at line 12 -> pkg.Greeter.greet(Greeter.java:12). */
    private StackTraceElement suspensionFrame() {
        return done() || state <= 0 ? null : frameAt(method.line(state));
    }

    /** This method at {@code line}, as a stack trace shows it. */
    private StackTraceElement frameAt(int line) {
        String where = method.where;
        int paren = where.indexOf('(');
        String qualified = paren < 0 ? where : where.substring(0, paren);
        int name = qualified.lastIndexOf('.');
        String file = file();
        return new StackTraceElement(qualified.substring(0, Math.max(name, 0)), qualified.substring(name + 1),
                file.equalsIgnoreCase(UNKNOWN_SOURCE) ? null : file, line);
    }

    /** "pkg.Greeter.greet(Greeter.java)" -> "Greeter.greet()". */
    private String shortName() {
        String where = method.where;
        int paren = where.indexOf('(');
        String qualified = paren < 0 ? where : where.substring(0, paren);
        int name = qualified.lastIndexOf('.');
        int type = name <= 0 ? -1 : qualified.lastIndexOf('.', name - 1);
        return qualified.substring(type + 1) + "()";
    }

    private String file() {
        String where = method.where;
        int paren = where.indexOf('(');
        return paren < 0 ? UNKNOWN_SOURCE : where.substring(paren + 1, where.length() - 1);
    }

    /** A lambda's class is synthetic; its enclosing class is what the reader knows. */
    private static String describe(Class<?> body) {
        String type = body.getName();
        int lambda = type.indexOf("$$Lambda");
        return (lambda < 0 ? type : type.substring(0, lambda)) + ".<lambda>(" + UNKNOWN_SOURCE + ")";
    }

    @SuppressWarnings("unchecked")
    private static <X extends Throwable> RuntimeException sneakyThrow(Throwable t) throws X {
        throw (X) t;
    }
}
