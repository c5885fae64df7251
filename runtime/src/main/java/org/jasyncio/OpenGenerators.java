package org.jasyncio;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loop's async generators whose body started and has not ended (asyncio's
 * {@code loop._asyncgens}), by the task that runs each body: {@link AsyncIO#emit} finds its
 * generator through the current task, and {@link EventLoop#shutdownAsyncgens()} closes what is
 * left. Used on the loop's thread; a dropped generator comes in through the thread-safe queue.
 */
final class OpenGenerators {
    private final Map<Task<?>, GeneratorRun<?>> byProducer = new IdentityHashMap<>();

    void started(GeneratorRun<?> run, Task<?> producer) {
        byProducer.put(producer, run);
    }

    void ended(GeneratorRun<?> run, Task<?> producer) {
        byProducer.remove(producer, run);
    }

    /** @return the generator whose body {@code task} runs, or null */
    GeneratorRun<?> producedBy(Task<?> task) {
        return task == null ? null : byProducer.get(task);
    }

    /**
     * Called by the cleaner thread when a generator's handle was collected: closes it on the loop,
     * reporting a failure to close as asyncio does.
     */
    void dropped(EventLoop loop, GeneratorRun<?> run) {
        try {
            loop.callSoonThreadsafe(() -> {
                if (run.open()) {
                    run.close().addDoneCallback(closing -> reportFailure(loop, run, closing));
                }
            });
        } catch (RuntimeException loopClosed) {
            // a closed loop runs nothing more: the generator's producer task went with it
        }
    }

    /** {@link EventLoop#shutdownAsyncgens()}: closes every open generator; done when all have closed. */
    Future<Void> shutdown(EventLoop loop) {
        // a copy: each close() ends its producer later, which leaves the map meanwhile
        List<GeneratorRun<?>> open = new ArrayList<>(byProducer.values());
        Future<Void> all = new Future<>(loop);
        if (open.isEmpty()) {
            all.setResult(null);
            return all;
        }
        int[] left = {open.size()};
        for (GeneratorRun<?> run : open) {
            run.close().addDoneCallback(closing -> {
                reportFailure(loop, run, closing);
                if (--left[0] == 0) {
                    all.setResult(null);
                }
            });
        }
        return all;
    }

    private static void reportFailure(EventLoop loop, GeneratorRun<?> run, Future<Void> closing) {
        Throwable failure = closing.cancelled() ? null : closing.exception();
        if (failure != null) {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("message", "an error occurred during closing of asynchronous generator " + run);
            context.put("exception", failure);
            context.put("asyncgen", run);
            loop.callExceptionHandler(context);
        }
    }
}
