package org.jasyncio.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.TimerHandle;

/** One {@link AsyncTest}'s task on its own loop: run it under the timeout, then clean the loop up. */
final class TestRun {
    /** How long the clean-up lets cancelled leftovers run before the loop is closed anyway. */
    private static final double CLEAN_UP_SECONDS = 1.0;

    private final EventLoop loop;
    private final Task<?> task;
    private final double timeout;
    private final String name;
    private String dumpAtTimeout;

    TestRun(EventLoop loop, Task<?> task, double timeout, String name) {
        this.loop = loop;
        this.task = task;
        this.timeout = timeout;
        this.name = name;
    }

    /** Runs the loop until the task is done; throws its failure, or a timeout with the dump. */
    void execute() throws Throwable {
        AsyncIO.setEventLoop(loop);
        TimerHandle timer = loop.callLater(timeout, () -> {
            dumpAtTimeout = loop.dumpTasks();
            loop.stop();
        });
        try {
            loop.runUntilComplete(task);
        } catch (Throwable failure) {
            if (dumpAtTimeout == null) {
                throw failure;
            }
            throw new TimeoutException(String.format(Locale.ROOT, "%s timed out after %s seconds; %s", name,
                    timeout, dumpAtTimeout));
        } finally {
            timer.cancel();
            try {
                cancelLeftovers();
                loop.runUntilComplete(loop.shutdownDefaultExecutor());
            } finally {
                AsyncIO.setEventLoop(null);
                loop.close();
            }
        }
    }

    /** As {@code AsyncIO.run} ends: cancel what is still pending and let it unwind, for a bounded time. */
    private void cancelLeftovers() {
        Future<Void> unwound = loop.createFuture();
        loop.callSoon(() -> {
            List<Task<?>> leftovers = new ArrayList<>(AsyncIO.allTasks());
            leftovers.forEach(Task::cancel);
            AsyncIO.gather(true, leftovers).addDoneCallback(all -> unwound.setResult(null));
        });
        TimerHandle bound = loop.callLater(CLEAN_UP_SECONDS, loop::stop);
        try {
            loop.runUntilComplete(unwound);
        } catch (IllegalStateException stoppedFirst) {
            // a leftover ignores its cancellation: the loop is closed with it still pending
        } finally {
            bound.cancel();
        }
    }
}
