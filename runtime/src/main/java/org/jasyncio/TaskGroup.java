package org.jasyncio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;


/**
 * asyncio's {@code TaskGroup}: structured concurrency. The group's future is done only when the
 * body and every task created in the group are; if one of them fails, the others are cancelled
 * and the failures are reported together as a {@link TaskGroupException}.
 *
 * <p>Java has no {@code async with}, so the block is a body that receives the group and
 * returns a task; the group's future completes with the body's result:
 *
 * <pre>{@code
 * @Async static Task<String> both() {
 *     return Task.completed(await(TaskGroup.run(group -> {
 *         Task<User> user = group.createTask(() -> fetchUser(id));
 *         Task<List<Order>> orders = group.createTask(() -> fetchOrders(id));
 *         return render(user, orders);          // an @Async method awaiting both
 *     })));
 * }
 * }</pre>
 *
 * <p>asyncio's rules hold: the first failure of a task cancels the other tasks and the body (if
 * it is still running), and withdraws that cancellation ({@link Task#uncancel()}) when the body
 * ends, so a body that catches it can go on; the body's own exception is reported after the
 * tasks'. Cancelling the group's future (as cancelling the task that awaits it does) cancels
 * the body and every task, waits for them, and ends cancelled, unless a task failed: failures
 * take priority, and the awaiting task's cancellation is then delivered again at its next
 * {@code await}. A {@link VirtualMachineError} is rethrown alone, as asyncio does with
 * {@code SystemExit}. Once the group shuts down (a failure or a cancellation), or once the body
 * and every task are done, {@link #createTask} is refused. Use a group from its loop's thread.
 */
public final class TaskGroup {
    private final EventLoop loop;
    /** The task that called {@link #run}: asyncio's parent task, cancelled again if failures hide its cancellation. */
    private final Task<?> caller;
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final Outcome<Object> outcome;
    private Throwable fatal;
    /** The body's task; pending until {@link #bodyDone}. */
    private Task<?> body;
    private boolean exiting;
    private boolean aborting;
    private boolean bodyCancelRequested;
    private boolean cancelledFromOutside;
    private String outsideCancelMessage;

    private TaskGroup(EventLoop loop) {
        this.loop = loop;
        this.caller = CurrentLoop.running() == loop ? loop.currentTask() : null;
        this.outcome = new Outcome<>(loop, this);
    }

    /**
     * Runs {@code body} with a new group at once (an {@code @Async} body runs up to its first
     * real suspension), and returns the group's future.
     *
     * @param body the block: creates tasks in the group, may await, returns its result as a task
     *     (an {@code @Async} call, or {@code Task.completed(v)})
     * @param <T> the type of the body's result
     * @return a future of the body's result, done once the body and every task of the group are;
     *     it fails with {@link TaskGroupException} if any of them failed
     */
    @SuppressWarnings("unchecked")
    public static <T> Future<T> run(Function<? super TaskGroup, ? extends Task<T>> body) {
        Objects.requireNonNull(body, "body");
        TaskGroup group = new TaskGroup(AsyncIO.getEventLoop());
        Task<?> returned;
        try {
            returned = body.apply(group);
        } catch (Throwable thrown) {
            returned = Task.failedTask(thrown);
        }
        if (returned == null) {
            returned = Task.completed();
        }
        group.body = returned;
        if (returned.done()) {
            group.bodyDone(returned);
        } else {
            returned.addDoneCallback(group::bodyDone);
        }
        return (Future<T>) group.outcome;
    }

    /**
     * asyncio's {@code create_task}: starts {@code coro} as a task of this group, on the loop's
     * next iteration.
     *
     * @param coro calls the {@code @Async} method, e.g. {@code () -> fetch(url)}
     * @param <R> the type of the task's result
     * @return the task
     * @throws IllegalStateException "TaskGroup ... is shutting down" after a failure or a
     *     cancellation, "TaskGroup ... is finished" once the body and every task are done
     */
    public <R> Task<R> createTask(Supplier<? extends Task<R>> coro) {
        return createTask(coro, null);
    }

    /**
     * {@link #createTask(Supplier)} with a name for the task.
     *
     * @param coro calls the {@code @Async} method
     * @param name the task's name, or {@code null} for "Task-N"
     * @param <R> the type of the task's result
     * @return the task
     * @throws IllegalStateException as {@link #createTask(Supplier)}
     */
    public <R> Task<R> createTask(Supplier<? extends Task<R>> coro, String name) {
        return createTask(coro, name, null);
    }

    /**
     * {@link #createTask(Supplier, String)} whose steps run in {@code context} (asyncio's
     * {@code context=}).
     *
     * @param coro calls the {@code @Async} method
     * @param name the task's name, or {@code null} for "Task-N"
     * @param context the context, or {@code null} for a copy of the caller's
     * @param <R> the type of the task's result
     * @return the task
     * @throws IllegalStateException as {@link #createTask(Supplier)}
     */
    public <R> Task<R> createTask(Supplier<? extends Task<R>> coro, String name, Context context) {
        Objects.requireNonNull(coro, "coro");
        if (exiting && tasks.isEmpty()) {
            throw new IllegalStateException("TaskGroup " + this + " is finished");
        }
        if (aborting) {
            throw new IllegalStateException("TaskGroup " + this + " is shutting down");
        }
        Task<R> task = loop.createTask(coro, context);
        if (name != null) {
            task.setName(name);
        }
        tasks.add(task);
        task.addDoneCallback(this::taskDone);
        return task;
    }

    /** asyncio's repr: {@code <TaskGroup tasks=2 errors=1 cancelling>}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("<TaskGroup");
        if (!tasks.isEmpty()) {
            text.append(" tasks=").append(tasks.size());
        }
        if (!errors.isEmpty()) {
            text.append(" errors=").append(errors.size());
        }
        text.append(aborting ? " cancelling" : " entered");
        return text.append('>').toString();
    }

    private void bodyDone(Future<?> finished) {
        exiting = true;
        if (finished.cancelled() || finished.exception() != null) {
            noteFatal(finished.cancelled() ? null : finished.exception());
            abort();
        }
        finishIfDone();
    }

    private void taskDone(Future<?> task) {
        tasks.remove(task);
        if (!task.cancelled() && task.exception() != null) {
            errors.add(task.exception());
            noteFatal(task.exception());
            if (!aborting && !bodyCancelRequested) {
                abort();
                if (!body.done()) {
                    bodyCancelRequested = true;
                    body.cancel();
                }
            }
        }
        finishIfDone();
    }

    /** The group's future was cancelled, which asyncio sees as its parent task being cancelled. */
    private void cancelFromOutside(String message) {
        if (!cancelledFromOutside) {
            cancelledFromOutside = true;
            outsideCancelMessage = message;
        }
        if (!aborting) {
            abort();
        }
        if (!body.done()) {
            body.cancel(message);
        }
    }

    private void abort() {
        aborting = true;
        for (Task<?> task : tasks) {
            task.cancel();
        }
    }

    private void noteFatal(Throwable failure) {
        if (failure instanceof VirtualMachineError && fatal == null) {
            fatal = failure;
        }
    }

    private void finishIfDone() {
        if (!exiting || !tasks.isEmpty() || outcome.done()) {
            return;
        }
        if (fatal != null) {
            outcome.setException(fatal);
            return;
        }
        boolean propagateCancel = cancelledFromOutside || body.cancelled();
        if (bodyCancelRequested && ((Task<?>) body).uncancel() == 0 && !cancelledFromOutside) {
            propagateCancel = false;
        }
        if (!body.cancelled() && body.exception() != null) {
            errors.add(body.exception());
        }
        if (!errors.isEmpty()) {
            outcome.setException(new TaskGroupException(errors));
            redeliverCallersCancellation();
        } else if (propagateCancel) {
            outcome.cancelNow(cancelledFromOutside ? outsideCancelMessage : body.cancelMessage());
        } else {
            outcome.setResult(body.result());
        }
    }

    /**
     * The caller's cancellation was consumed by the group's future, which failed instead: as
     * asyncio does, cancel the caller again, after it has resumed with the failures, so that its
     * next {@code await} is cancelled and its cancellation count stays the same.
     */
    private void redeliverCallersCancellation() {
        if (cancelledFromOutside && caller != null) {
            loop.callSoon(() -> {
                if (caller.cancelling() > 0) {
                    caller.uncancel();
                    caller.cancel(outsideCancelMessage);
                }
            });
        }
    }

    /** The group's future: cancelling it asks the group to shut down; it ends once everything has. */
    private static final class Outcome<T> extends Future<T> {
        private final TaskGroup group;

        Outcome(EventLoop loop, TaskGroup group) {
            super(loop);
            this.group = group;
        }

        @Override
        public boolean cancel(String message) {
            if (done()) {
                return false;
            }
            group.cancelFromOutside(message);
            return true;
        }

        void cancelNow(String message) {
            super.cancel(message);
        }
    }
}
