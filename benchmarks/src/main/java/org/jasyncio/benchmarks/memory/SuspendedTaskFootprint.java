package org.jasyncio.benchmarks.memory;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;

/**
 * Retained heap per suspended task: suspends a million tasks on one future that never completes
 * and compares the live heap after a full GC before and after. Not a JMH benchmark, since JMH's
 * {@code -prof gc} reports allocation, not what stays reachable. Run by {@code run.sh}, one JVM
 * per case, because a case leaves stale entries in the runtime's weak task registry that the next
 * case would free and so under-count:
 * {@code java -cp benchmarks.jar org.jasyncio.benchmarks.memory.SuspendedTaskFootprint noLocals|twoLocals|deadLocals [tasks]}.
 *
 * <p>The tasks are kept in a preallocated array (allocated before the first measurement), so the
 * difference is what the tasks themselves retain: the coroutine with its spill arrays, its entry
 * in the awaited future's callback list and in the weak registry of all tasks.
 */
public final class SuspendedTaskFootprint {
    private static final Map<String, Function<Future<Integer>, Task<?>>> CASES = Map.of(
            "noLocals", never -> SuspendedFixtures.noLocals(never),
            "twoLocals", never -> SuspendedFixtures.twoLocals(never, 7L, "x"),
            "deadLocals", never -> SuspendedFixtures.deadLocals(never, 7L, "x"));

    private SuspendedTaskFootprint() {
    }

    public static void main(String[] args) {
        Function<Future<Integer>, Task<?>> call = args.length > 0 ? CASES.get(args[0]) : null;
        if (call == null) {
            throw new IllegalArgumentException("usage: SuspendedTaskFootprint " + CASES.keySet() + " [tasks]");
        }
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        EventLoop loop = AsyncIO.newEventLoop();
        Future<Integer> never = loop.createFuture();
        Task<?>[] tasks = new Task<?>[count];
        long before = LiveHeap.bytes();
        loop.callSoon(() -> {
            for (int i = 0; i < count; i++) {
                tasks[i] = call.apply(never);
            }
            loop.stop();
        });
        loop.runForever();
        long after = LiveHeap.bytes();
        long suspended = Arrays.stream(tasks).filter(task -> !task.done()).count();
        System.out.printf("%-10s JDK %s: %,d tasks suspended, %.1f bytes retained per task%n",
                args[0], System.getProperty("java.version"), suspended, (after - before) / (double) count);
        loop.close();
    }
}
