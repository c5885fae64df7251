package org.jasyncio;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jasyncio.internal.access.Access;

/**
 * asyncio's {@code Task}: a {@link Future} driven by an {@link Async} method's body.
 *
 * <p>Calling an {@code @Async} method returns its task; {@link EventLoop#createTask} and
 * {@link AsyncIO#createTask} start one on the loop's next iteration. {@link #cancel(String)}
 * asks the body to stop: the {@code await} it is suspended at throws
 * {@link CancelledException}, which the body may catch; the task counts as cancelled only if
 * the exception escapes. {@link #setResult} and {@link #setException} are refused: a task's
 * outcome is its body's.
 *
 * <p>The runtime's coroutine implementation drives a task through package-private operations
 * (see {@code TaskHooks}); a subclass sees only the public API.
 *
 * @param <T> the type of the result
 */
public class Task<T> extends Future<T> {
    private static final AtomicInteger NAME_COUNTER = new AtomicInteger();
    private static final Task<Void> COMPLETED = new Task<>(false, null);

    static {
        Access.install(new TaskHooks());
    }

    /** The number of the default name "Task-N"; 0 until a loop-less done task is named. */
    private int number;
    /** The name and the cancellation requests, made the first time either is needed: most tasks have neither. */
    private Labels labels;
    /** The future the body awaits (or the task whose outcome this one adopts). */
    private Future<?> waiter;
    /** Links of the loop's {@link PendingTasks} list, while this task is on it. */
    Task<?> previousPending;
    Task<?> nextPending;

    /**
     * A pending task on {@code loop}, named "Task-N".
     *
     * @param loop the loop that runs the task's steps
     */
    protected Task(EventLoop loop) {
        super(loop);
        number = NAME_COUNTER.incrementAndGet();
    }

    private Task(boolean failed, Object outcome) {
        super(failed, outcome);
    }

    private Task(String cancelMessage) {
        super(cancelMessage);
    }

    /**
     * A task that is already done with {@code value}: what an {@code @Async} method returns
     * to complete its own task. It belongs to no loop; its done callbacks run on the caller's.
     *
     * @param value the result
     * @param <T> the type of the result
     * @return a done task
     */
    @SuppressWarnings("unchecked")
    public static <T> Task<T> completed(T value) {
        return value == null ? (Task<T>) COMPLETED : new Task<>(false, value);
    }

    /**
     * The done task with result {@code null}, for {@code @Async} methods returning
     * {@code Task<Void>}. Shared: do not rename it.
     *
     * @return a done task
     */
    public static Task<Void> completed() {
        return COMPLETED;
    }

    /**
     * Lists this pending task in its loop's tasks ({@link AsyncIO#allTasks()}) until it
     * finishes. Called once, when a task really needs to exist: a coroutine that suspends or
     * starts lazily.
     */
    void registerPending() {
        loop.pendingTasks.add(this, loop.getDebug());
    }

    @Override
    void finished() {
        if (loop != null) {
            loop.pendingTasks.remove(this);
        }
    }

    /**
     * A done task for a body that failed before it ever suspended: cancelled if
     * {@code thrown} is a {@link CancelledException}, else failed with {@code thrown}.
     *
     * @param thrown what escaped the body
     * @return a done task
     */
    static Task<?> failedTask(Throwable thrown) {
        if (thrown instanceof CancelledException) {
            return new Task<>(thrown.getMessage());
        }
        Task<?> task = new Task<>(true, thrown);
        LostOutcome.watchException(task, thrown);
        return task;
    }

    /**
     * The task behind {@code createTask}/{@code ensureFuture}: on the loop's next iteration it
     * calls {@code body} (whose {@code @Async} body then runs at once, the loop running on this
     * thread) and completes as the returned task does. Cancelling it before that iteration
     * means {@code body} never runs; cancelling it later cancels the returned task, and a
     * cancelled returned task cancels it. Its steps run in {@code context} ({@code null}: a copy of
     * the caller's).
     */
    static <T> Task<T> lazy(EventLoop loop, Supplier<? extends Task<T>> body, Context context) {
        Task<T> task = Access.coroutines().deferred(loop, body, context);
        if (loop.getDebug()) {
            loop.creationSites.record(task);
        }
        return task;
    }

    /**
     * asyncio's {@code get_context()}: the {@link Context} this task's steps run in, a copy of its
     * creator's context or the one given to {@code createTask}. Use it on the loop's thread.
     *
     * @return the context; {@code null} for a task without a body ({@link #completed})
     */
    public Context getContext() {
        return Access.coroutines().context(this);
    }

    /**
     * Asks the task to stop. If it waits on a future, that future is cancelled and the task
     * wakes with {@link CancelledException} at its {@code await}; otherwise the exception is
     * thrown at its next {@code await} (or the body never starts, if it has not yet). A task
     * cancelled while suspended never resumes normally, even if what it awaited completed
     * meanwhile.
     *
     * @param message carried by the {@link CancelledException}, or {@code null}
     * @return {@code false} if the task is already done (a failed one's exception is then no
     *     longer reported as never retrieved, as in asyncio), else {@code true}
     */
    @Override
    public boolean cancel(String message) {
        if (done()) {
            if (failed()) {
                markRetrieved();
            }
            return false;
        }
        Labels requests = labels();
        requests.cancelsRequested++;
        Future<?> awaited = waiter;
        if (awaited != null && awaited.cancel(message)) {
            return true;
        }
        requests.mustCancel = true;
        requests.cancelMessage = message;
        return true;
    }

    /** @return how many cancellation requests are pending (asyncio's {@code cancelling()}) */
    public int cancelling() {
        return labels == null ? 0 : labels.cancelsRequested;
    }

    /**
     * Withdraws one cancellation request, as {@code timeout} and {@code TaskGroup} do for
     * the cancellations they made themselves.
     *
     * @return the number of requests still pending
     */
    public int uncancel() {
        Labels requests = labels;
        if (requests == null) {
            return 0;
        }
        if (requests.cancelsRequested > 0) {
            requests.cancelsRequested--;
            if (requests.cancelsRequested == 0) {
                requests.mustCancel = false;
            }
        }
        return requests.cancelsRequested;
    }

    /** @return the task's name, "Task-N" unless {@link #setName} changed it */
    public String getName() {
        Labels named = labels();
        if (named.name == null) {
            if (number == 0) {
                number = NAME_COUNTER.incrementAndGet();
            }
            named.name = "Task-" + number;
        }
        return named.name;
    }

    /** @param name the name shown by {@link #toString()} and in reports */
    public void setName(String name) {
        labels().name = String.valueOf(name);
    }

    private Labels labels() {
        if (labels == null) {
            labels = new Labels();
        }
        return labels;
    }

    /** Whether a cancellation was requested and not yet delivered to the body. */
    private boolean mustCancel() {
        return labels != null && labels.mustCancel;
    }

    /** The requested cancellation reached the body or the awaited future: it is no longer pending. */
    private void cancelDelivered() {
        if (labels != null) {
            labels.mustCancel = false;
        }
    }

    /**
     * asyncio's {@code get_stack()}: where this task is suspended, as stack frames, innermost
     * first. A task awaiting another {@code @Async} call's task is one asyncio task running
     * nested coroutines, so the frames of the awaited tasks come first: for {@code main}
     * awaiting {@code fetch} awaiting a socket read, {@code fetch}'s {@code await} line, then
     * {@code main}'s. Each frame is the method and the line of the {@code await} it waits at.
     *
     * @return the frames; empty if the task is done, has not started, or has no body
     */
    public List<StackTraceElement> getStack() {
        List<StackTraceElement> frames = new ArrayList<>();
        for (Task<?> task : awaitChain()) {
            StackTraceElement frame = task.suspensionFrame();
            if (frame != null) {
                frames.add(frame);
            }
        }
        Collections.reverse(frames);
        return frames;
    }

    /**
     * What this task (or the innermost task it awaits, see {@link #getStack()}) waits for now.
     *
     * @return the awaited future, or {@code null} if the task is not suspended
     */
    public Future<?> getAwaited() {
        List<Task<?>> chain = awaitChain();
        Task<?> innermost = chain.get(chain.size() - 1);
        if (innermost.done()) {
            return chain.size() > 1 ? innermost : null;
        }
        return innermost.waiter;
    }

    /**
     * asyncio's {@code print_stack()}: the task, the frames of {@link #getStack()}, and what it
     * awaits, e.g.
     *
     * <pre>
     * Stack for &lt;Task pending name='Task-1' coro=&lt;Main.main() running at Main.java:12&gt; ...&gt;:
     *     at com.example.Users.find(Users.java:30)
     *     at com.example.Main.main(Main.java:12)
     *     awaiting &lt;Future pending&gt;
     * </pre>
     *
     * @param out where to print
     */
    public void printStack(PrintStream out) {
        out.print(TaskDump.stackOf(this));
        out.flush();
    }

    /** This task, then the tasks it awaits, outermost first; a cycle of awaits ends the walk. */
    List<Task<?>> awaitChain() {
        List<Task<?>> chain = new ArrayList<>();
        Task<?> task = this;
        while (task != null && !chain.contains(task)) {
            chain.add(task);
            Future<?> awaited = task.done() ? null : task.waiter;
            task = awaited instanceof Task ? (Task<?>) awaited : null;
        }
        return chain;
    }

    /**
     * Refused: a task's result is what its body returns.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void setResult(T value) {
        throw new UnsupportedOperationException("Task does not support setResult (set_result): its result is what its body returns");
    }

    /**
     * Refused: a task's exception is what escapes its body.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void setException(Throwable exception) {
        throw new UnsupportedOperationException("Task does not support setException (set_exception): its exception is what escapes its body");
    }

    /**
     * asyncio's repr, e.g. {@code <Task pending name='Task-1' coro=<Greeter.greet() running at
     * Greeter.java:12> wait_for=<Future pending>>}.
     */
    @Override
    public String toString() {
        // asyncio's order: state, name, coro, wait_for, result or exception, creation site (debug mode)
        StringBuilder text = new StringBuilder("<Task ").append(cancelling() > 0 && !done() ? "cancelling" : describeState())
                .append(" name='").append(getName()).append('\'');
        String coro = describeBody();
        if (coro != null) {
            text.append(" coro=<").append(coro).append('>');
        }
        Future<?> awaited = waiter;
        if (awaited != null && !done()) {
            text.append(" wait_for=").append(awaited);
        }
        return text.append(describeOutcome()).append(describeCreation()).append('>').toString();
    }

    /** The body's part of {@link #toString()}: which method, and where it is suspended; null without a body. */
    private String describeBody() {
        return Access.coroutines().describeBody(this);
    }

    // ---- operations of the coroutine implementation, reached through TaskHooks ----

    /** The method and line of the {@code await} the body is suspended at, or null, for {@link #getStack()}. */
    private StackTraceElement suspensionFrame() {
        return Access.coroutines().suspensionFrame(this);
    }

    /**
     * Whether an exception thrown into an awaiting body should get the body's frame in its stack
     * trace ({@code AsyncStackTrace}): async stack traces are on, and it is not a cancellation.
     *
     * @param failure what the awaited future failed with
     * @return whether to call {@link #recordAwait}
     */
    static boolean recordsAwait(Throwable failure) {
        return AsyncStackTrace.ENABLED && !(failure instanceof CancelledException);
    }

    /**
     * Puts {@code frame} into {@code failure}'s stack trace, below the frames it was thrown at,
     * in place of the event loop's ({@code AsyncStackTrace}).
     *
     * @param failure what the awaited future failed with
     * @param frame the awaiting method and the line of its {@code await} (or of its {@code return}
     *     that passed on a task's failure)
     */
    static void recordAwait(Throwable failure, StackTraceElement frame) {
        AsyncStackTrace.append(failure, frame);
    }

    /**
     * Records that {@code failure} escaped the resumed body that is running: no later await claims
     * that body's frame where the failure was made, nor the frames above it ({@code AsyncStackTrace}).
     *
     * @param failure what escaped the body
     */
    static void recordEscaped(Throwable failure) {
        AsyncStackTrace.escaped(failure);
    }

    /**
     * Records that {@code failure} passed an awaiting method on whose own stack it was made (see
     * {@link #failedOnCallersStack}): its trace shows that method already, only the loop's frames go.
     *
     * @param failure what the awaited future failed with
     * @param awaitingStack the stack from the awaiting method's frame down; empty if unknown
     */
    static void recordShownOnStack(Throwable failure, StackTraceElement[] awaitingStack) {
        AsyncStackTrace.shownOnStack(failure, awaitingStack);
    }

    /**
     * Whether {@code awaited} is the done task of an {@code @Async} call that failed before it
     * ever suspended: its exception was thrown on the awaiting caller's own stack, so its stack
     * trace already shows the caller.
     *
     * @param awaited a done future
     * @return whether its failure needs no await frame
     */
    static boolean failedOnCallersStack(Future<?> awaited) {
        return awaited.loop == null && awaited.failed();
    }

    /**
     * Makes this task the loop's current task for one step.
     *
     * @return the task that was current before, for {@link #leaveStep}
     */
    Task<?> enterStep() {
        Task<?> previous = loop.currentTask();
        loop.currentTask(this);
        return previous;
    }

    /** @param previous what {@link #enterStep} returned */
    void leaveStep(Task<?> previous) {
        loop.currentTask(previous);
    }

    /**
     * Queues a step of this task on its loop.
     *
     * @param step the step to run on the loop's next iteration
     */
    void scheduleStep(Runnable step) {
        loop.enqueue(step);
    }

    /**
     * Suspends the body on {@code awaited}: remembers it for {@link #cancel(String)}, and
     * registers {@code wakeUp} (this task, as a coroutine) to run when it is done.
     *
     * @param awaited a pending future of this task's loop
     * @param wakeUp the coroutine to queue when {@code awaited} is done
     * @throws IllegalStateException if {@code awaited} is this task, or a task waiting for it (the task
     *     {@code createTask} returned, which adopts this body's task), or belongs to another loop
     */
    void suspendOnFuture(Future<?> awaited, Runnable wakeUp) {
        if (leadsBackHere(awaited, false)) {
            throw new IllegalStateException("Task cannot await on itself: " + this);
        }
        if (awaited.loop != null && awaited.loop != loop) {
            throw new IllegalStateException("Task " + this + " got Future " + awaited + " attached to a different loop");
        }
        waiter = awaited;
        if (awaited instanceof Yield) {
            ((Yield<?>) awaited).resolve();
            loop.enqueue(wakeUp);
        } else {
            awaited.addCallback(wakeUp);
        }
        if (mustCancel() && awaited.cancel(labels.cancelMessage)) {
            cancelDelivered();
        }
        if (lostOutcome == null && loop.getDebug()) {
            LostOutcome.watchPending(this);
        }
    }

    /**
     * Whether waiting for {@code awaited} would wait for itself, asyncio's "Task cannot await on
     * itself". An {@code await} (from {@link #suspendOnFuture}) waits for itself when {@code awaited}
     * is this task or takes this task's outcome: it adopted this task (as the task {@code createTask}
     * returned adopts the task its body's call made), directly or through other adopting tasks. Only
     * those links are followed, so a suspension costs the same at every level of a chain of awaits
     * ({@code AwaitChainBenchmark}); tasks awaiting each other in a longer cycle wait forever, as in
     * asyncio. Adopting {@code awaited} (from {@link #finishAs}) makes this task the same asyncio task
     * as {@code awaited}, so any chain of waits from {@code awaited} back to this task is refused:
     * that walk follows awaits too, once per adoption.
     *
     * @param throughAwaits whether to follow tasks waiting on what they await, not only adopting tasks
     */
    private boolean leadsBackHere(Future<?> awaited, boolean throughAwaits) {
        Future<?> next = awaited;
        while (next != this) {
            if (!(next instanceof Task) || next.done()
                    || !throughAwaits && !Access.coroutines().adopting((Task<?>) next)) {
                return false;
            }
            next = ((Task<?>) next).waiter;
        }
        return true;
    }

    /**
     * What the suspended {@code await} evaluates to on resumption.
     *
     * @return the awaited future's result
     * @throws CancelledException if the task was cancelled while suspended, even if the
     *     awaited future completed normally meanwhile; the awaited future's exception otherwise
     */
    Object takeAwaitedResult() {
        Future<?> awaited = waiter;
        waiter = null;
        if (mustCancel()) {
            cancelDelivered();
            if (awaited.done() && !awaited.cancelled() && !awaited.failed()) {
                awaited.resultAbandoned();
            }
            throw new CancelledException(labels.cancelMessage);
        }
        return awaited.result();
    }

    /**
     * For a step about to start the body: if the task was cancelled before it ever ran, it
     * becomes cancelled without running it.
     *
     * @return whether the task was cancelled instead of started
     */
    boolean cancelIfRequestedBeforeStart() {
        if (!mustCancel()) {
            return false;
        }
        cancelDelivered();
        cancelFuture(labels.cancelMessage);
        return true;
    }

    /**
     * Completes the task as {@code returned} did, or, if it is pending, makes this task wait
     * for it with {@code wakeUp}; a cancellation requested meanwhile wins, as in asyncio.
     *
     * @param returned what the body returned ({@code null}: the result {@code null})
     * @param wakeUp the coroutine to queue when {@code returned} is done
     * @return whether the task is done now
     */
    boolean finishAs(Task<?> returned, Runnable wakeUp) {
        if (returned != null && !returned.done()) {
            if (leadsBackHere(returned, true)) {
                finishException(new IllegalStateException("Task cannot await on itself: " + this));
                return true;
            }
            waiter = returned;
            returned.addCallback(wakeUp);
            if (mustCancel() && returned.cancel(labels.cancelMessage)) {
                cancelDelivered();
            }
            return false;
        }
        waiter = null;
        if (mustCancel()) {
            cancelDelivered();
            cancelFuture(labels.cancelMessage);
        } else if (returned == null) {
            finishResult(null);
        } else {
            adoptOutcome(returned);
        }
        return true;
    }

    /**
     * Completes the task with what escaped its body: cancelled for a
     * {@link CancelledException}, failed otherwise.
     *
     * @param thrown what escaped the body
     */
    void finishThrown(Throwable thrown) {
        waiter = null;
        cancelDelivered();
        if (thrown instanceof CancelledException) {
            cancelFuture(thrown.getMessage());
        } else {
            finishException(thrown);
        }
    }

    /** @return the task whose outcome this one adopts (see {@link #finishAs}) */
    Task<?> adopted() {
        return (Task<?>) waiter;
    }

    /**
     * What a task needs only once it is named or asked to cancel; kept out of the task itself so
     * that a suspended task stays small (docs/coroutine-protocol.md, "Memory").
     */
    private static final class Labels {
        String name;
        String cancelMessage;
        int cancelsRequested;
        /** A cancellation was requested that the body has not been thrown yet. */
        boolean mustCancel;
    }
}
