package org.jasyncio.benchmarks.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.function.Function;

import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;

/**
 * Retained heap per suspended task: suspends a million tasks on one future that never completes
 * and compares the live heap after a full GC before and after. Not a JMH benchmark, since JMH's
 * {@code -prof gc} reports allocation, not what stays reachable. Run by {@code run.sh}:
 * {@code java -cp benchmarks.jar org.jasyncio.benchmarks.memory.SuspendedTaskFootprint [tasks]}.
 *
 * <p>The tasks are kept in a preallocated array (allocated before the first measurement), so the
 * difference is what the tasks themselves retain: the coroutine with its spill arrays, its entry
 * in the awaited future's callback list and in the weak registry of all tasks.
 */
public final class SuspendedTaskFootprint {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private SuspendedTaskFootprint() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.printf("JDK %s, %s, max heap %d MiB, %,d tasks per measurement%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() >> 20, count);
        // The first round also grows shared structures for good (the task registry's table), so
        // every case is measured twice and the second round is the steady-state figure.
        for (int round = 1; round <= 2; round++) {
            measure(round, "no live locals", count, never -> SuspendedFixtures.noLocals(never));
            measure(round, "a long and a String live", count, never -> SuspendedFixtures.twoLocals(never, 7L, "x"));
        }
    }

    private static void measure(int round, String what, int count, Function<Future<Integer>, Task<?>> call) {
        EventLoop loop = AsyncIO.newEventLoop();
        Future<Integer> never = loop.createFuture();
        Task<?>[] tasks = new Task<?>[count];
        long before = liveHeap();
        loop.callSoon(() -> {
            for (int i = 0; i < count; i++) {
                tasks[i] = call.apply(never);
            }
            loop.stop();
        });
        loop.runForever();
        long after = liveHeap();
        int suspended = 0;
        for (Task<?> task : tasks) {
            if (!task.done()) {
                suspended++;
            }
        }
        System.out.printf("round %d: %-26s %,d suspended, %.1f bytes retained per task%n",
                round, what, suspended, (after - before) / (double) count);
        // Closing drops the suspended tasks with the loop; they are garbage from here on.
        loop.close();
    }

    /** The smallest used heap over a few full collections: System.gc() may leave some garbage behind. */
    private static long liveHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
