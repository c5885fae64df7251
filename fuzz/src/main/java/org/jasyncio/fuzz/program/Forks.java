package org.jasyncio.fuzz.program;

import java.util.ArrayList;
import java.util.List;
import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;

/**
 * Concurrent calls of one {@code @Async} method: the async twin runs {@code count} calls as
 * tasks of their own, interleaved, each with its own locals; the reference runs them one after
 * the other. Each call logs into a {@link Log#fork} of its own, whose trace joins the program's
 * when all are done, so that the traces do not depend on how the calls interleave (the calls
 * share no state: the generator passes them constants and the index). The result is the list
 * of their results, or a {@link FuzzUnchecked} naming the first call that did not return.
 */
public final class Forks {

    /** One call, in the async twin: {@code index}-th of the calls, logging into {@code log}. */
    @FunctionalInterface
    public interface AsyncCall<T> {
        Task<T> call(Log log, int index) throws Exception;
    }

    /** One call, in the reference. */
    @FunctionalInterface
    public interface SyncCall<T> {
        T call(Log log, int index) throws Exception;
    }

    private Forks() {
    }

    /** The async twin: starts the calls as tasks (on the loop's next iteration); completes when all are done. */
    public static <T> Future<List<T>> start(Log log, int site, int count, AsyncCall<T> call) {
        long hash = decide(log, site);
        EventLoop loop = AsyncIO.getRunningLoop();
        List<Log> forks = new ArrayList<>();
        List<Task<T>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Log fork = log.fork(hash, i);
            int index = i;
            Task<T> task = loop.createTask(() -> {
                try {
                    return call.call(fork, index);
                } catch (Exception e) {
                    throw sneakyThrow(e);
                }
            });
            fork.root(task);
            forks.add(fork);
            tasks.add(task);
        }
        Future<List<T>> all = loop.createFuture();
        int[] done = {0};
        for (Task<T> task : tasks) {
            task.addDoneCallback(finished -> {
                if (++done[0] < count) {
                    return;
                }
                String problem = Probe.outsideTasks();
                if (problem != null) {
                    all.setException(new IllegalStateException(problem));
                    return;
                }
                List<T> results = new ArrayList<>();
                FuzzUnchecked first = null;
                for (int i = 0; i < count; i++) {
                    String outcome = outcome(tasks.get(i));
                    log.join(forks.get(i), i, outcome);
                    if (outcome.startsWith("return ")) {
                        results.add(tasks.get(i).result());
                    } else if (first == null) {
                        first = new FuzzUnchecked("fork " + i + " " + outcome);
                    }
                }
                if (first != null) {
                    all.setException(first);
                } else {
                    all.setResult(results);
                }
            });
        }
        return all;
    }

    /** The reference: the calls one after the other. */
    public static <T> List<T> now(Log log, int site, int count, SyncCall<T> call) throws Exception {
        long hash = decide(log, site);
        List<T> results = new ArrayList<>();
        FuzzUnchecked first = null;
        for (int i = 0; i < count; i++) {
            Log fork = log.fork(hash, i);
            String outcome;
            try {
                T result = call.call(fork, i);
                results.add(result);
                outcome = "return " + result;
            } catch (CancelledException cancelled) {
                outcome = cancelled(cancelled);
            } catch (Exception failed) {
                outcome = threw(failed);
            }
            log.join(fork, i, outcome);
            if (!outcome.startsWith("return ") && first == null) {
                first = new FuzzUnchecked("fork " + i + " " + outcome);
            }
        }
        if (first != null) {
            throw first;
        }
        return results;
    }

    private static long decide(Log log, int site) {
        log.burn();
        log.reached(Feature.CONCURRENT_CALLS);
        return log.nextHash(site);
    }

    private static String outcome(Task<?> task) {
        Throwable failure;
        try {
            failure = task.exception();
        } catch (CancelledException cancelled) {
            return cancelled(cancelled);
        }
        return failure != null ? threw(failure) : "return " + task.result();
    }

    private static String cancelled(CancelledException cancelled) {
        return "cancelled: " + cancelled.getMessage();
    }

    private static String threw(Throwable failure) {
        return "throw " + failure.getClass().getName() + ": " + failure.getMessage() + Probe.suppressed(failure);
    }

    @SuppressWarnings("unchecked")
    private static <X extends Throwable> RuntimeException sneakyThrow(Throwable t) throws X {
        throw (X) t;
    }
}
