package org.jasyncio;

import java.util.concurrent.Callable;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;

/**
 * One {@code runInExecutor} call: runs the callable on an executor thread and completes the loop's
 * future on the loop's thread through {@code callSoonThreadsafe}. Cancelling the future before the call
 * starts keeps it from starting (it cannot interrupt one already running, like asyncio's
 * {@code wrap_future}). Internal to jasyncio: not for users.
 *
 * @param <T> the result type
 */
final class ExecutorCall<T> implements Runnable {

    private final EventLoop loop;
    private final Future<T> future;
    private final Callable<T> call;
    private volatile boolean cancelled;

    /** Prepares {@code call}, whose outcome will complete {@code future} (a future of {@code loop}). */
    public ExecutorCall(EventLoop loop, Future<T> future, Callable<T> call) {
        this.loop = loop;
        this.future = future;
        this.call = call;
        future.addDoneCallback(done -> cancelled = done.cancelled());
    }

    @Override
    public void run() {
        if (cancelled) {
            return;
        }
        try {
            T value = call.call();
            deliver(() -> future.setResult(value));
        } catch (Throwable failure) {
            deliver(() -> future.setException(failure));
            if (failure instanceof VirtualMachineError) {
                throw (VirtualMachineError) failure;
            }
        }
    }

    private void deliver(Runnable completion) {
        if (loop.isClosed()) {
            return;
        }
        try {
            loop.callSoonThreadsafe(() -> {
                if (!future.done()) {
                    completion.run();
                }
            });
        } catch (IllegalStateException closedMeanwhile) {
            // The loop closed after the check above: nobody can observe the outcome any more.
        }
    }
}
