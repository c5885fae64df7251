package org.jasyncio;

import org.jasyncio.internal.access.TaskAccess;

/** {@link Task}'s package-private operations, handed to the coroutine implementation through the access bridge. */
final class TaskHooks implements TaskAccess {

    @Override
    public void registerPending(Task<?> task) {
        task.registerPending();
    }

    @Override
    public void park(Task<?> task, Object value) {
        task.parkOutcome(value);
    }

    @Override
    public Object parked(Task<?> task) {
        return task.parkedOutcome();
    }

    @Override
    public Task<?> failedTask(Throwable thrown) {
        return Task.failedTask(thrown);
    }

    @Override
    public boolean recordsAwait(Throwable failure) {
        return Task.recordsAwait(failure);
    }

    @Override
    public void recordAwait(Throwable failure, StackTraceElement frame) {
        Task.recordAwait(failure, frame);
    }

    @Override
    public Throwable failure(Task<?> task) {
        return task.failure();
    }

    @Override
    public void recordEscaped(Throwable failure) {
        Task.recordEscaped(failure);
    }

    @Override
    public void recordShownOnStack(Throwable failure, StackTraceElement[] awaitingStack) {
        Task.recordShownOnStack(failure, awaitingStack);
    }

    @Override
    public boolean failedOnCallersStack(Future<?> awaited) {
        return Task.failedOnCallersStack(awaited);
    }

    @Override
    public Task<?> currentTask(EventLoop loop) {
        return loop.currentTask();
    }

    @Override
    public Task<?> enterStep(Task<?> task) {
        return task.enterStep();
    }

    @Override
    public void leaveStep(Task<?> task, Task<?> previous) {
        task.leaveStep(previous);
    }

    @Override
    public void scheduleStep(Task<?> task, Runnable step) {
        task.scheduleStep(step);
    }

    @Override
    public void suspendOnFuture(Task<?> task, Future<?> awaited, Runnable wakeUp) {
        task.suspendOnFuture(awaited, wakeUp);
    }

    @Override
    public Object takeAwaitedResult(Task<?> task) {
        return task.takeAwaitedResult();
    }

    @Override
    public boolean cancelIfRequestedBeforeStart(Task<?> task) {
        return task.cancelIfRequestedBeforeStart();
    }

    @Override
    public boolean finishAs(Task<?> task, Task<?> returned, Runnable wakeUp) {
        return task.finishAs(returned, wakeUp);
    }

    @Override
    public void finishThrown(Task<?> task, Throwable thrown) {
        task.finishThrown(thrown);
    }

    @Override
    public Task<?> adopted(Task<?> task) {
        return task.adopted();
    }
}
