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
 * and compares the live heap after a full GC before and after, then prints the classes whose live
 * instances grew (the JVM's class histogram, diffed), per task: where the bytes go. Not a JMH
 * benchmark, since JMH's {@code -prof gc} reports allocation, not what stays reachable. Run by
 * {@code run.sh}, one JVM per case, so that no case sees what another left:
 * {@code java -cp benchmarks.jar org.jasyncio.benchmarks.memory.SuspendedTaskFootprint
 * noLocals|twoInts|twoLocals|deadLocals [tasks]}.
 *
 * <p>The tasks are kept in a preallocated array (allocated before the first measurement), so the
 * difference is what the tasks themselves retain: the coroutine with its frame, and its entry in the
 * awaited future's callback list (the loop's list of pending tasks runs through the tasks themselves).
 */
public final class SuspendedTaskFootprint {
    private static final Map<String, Function<Future<Integer>, Task<?>>> CASES = Map.of(
            "noLocals", never -> SuspendedFixtures.noLocals(never),
            "twoLocals", never -> SuspendedFixtures.twoLocals(never, 7L, "x"),
            "twoInts", never -> SuspendedFixtures.twoInts(never, 6, 7),
            "deadLocals", never -> SuspendedFixtures.deadLocals(never, 7L, "x"));

    /** How many of the classes that grew most are printed (those that grew by 0.1 B per task or more). */
    private static final int TOP_CLASSES = 6;

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
        ClassHistogram classesBefore = ClassHistogram.take();
        long before = LiveHeap.bytes();
        loop.callSoon(() -> {
            for (int i = 0; i < count; i++) {
                tasks[i] = call.apply(never);
            }
            loop.stop();
        });
        loop.runForever();
        long after = LiveHeap.bytes();
        ClassHistogram classesAfter = ClassHistogram.take();
        long suspended = Arrays.stream(tasks).filter(task -> !task.done()).count();
        System.out.printf("%-10s JDK %s: %,d tasks suspended, %.1f bytes retained per task%n",
                args[0], System.getProperty("java.version"), suspended, (after - before) / (double) count);
        for (ClassHistogram.Entry grown : classesBefore.growthTo(classesAfter).stream()
                .filter(grown -> grown.bytes() >= count / 10).limit(TOP_CLASSES).toList()) {
            System.out.printf("    %8.2f B/task  %,12d instances  %s%n", grown.bytes() / (double) count, grown.instances(),
                    grown.type());
        }
        loop.close();
    }
}
