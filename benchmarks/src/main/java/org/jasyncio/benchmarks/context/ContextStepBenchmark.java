package org.jasyncio.benchmarks.context;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jasyncio.AsyncIO;
import org.jasyncio.Context;
import org.jasyncio.EventLoop;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What per-task context costs a task step. One operation is one step: an {@code await(sleep(0))}
 * and the resumption, {@value #STEPS} per invocation, one task on the loop. {@code context} is what
 * the step carries: {@code none} (no {@code ContextVar} ever set, nothing propagated: the step enters
 * no context, the cost of {@code RoundTripBenchmark.jasyncioSleepZero} before contexts existed),
 * {@code contextVar} (the task set one {@code ContextVar}, so each step enters its context), and
 * {@code 1} or {@code 3} {@code ThreadLocal}s registered with {@code Context.propagate}, each holding
 * a value on the loop's thread and another in the task, so that every step sets and restores them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ContextStepBenchmark {
    private static final int STEPS = 10_000;

    @Param({"none", "contextVar", "1", "3"})
    public String context;

    private final List<ThreadLocal<String>> propagated = new ArrayList<>();
    private EventLoop loop;

    @Setup(Level.Trial)
    public void createLoop() {
        loop = AsyncIO.newEventLoop();
        int threadLocals = context.equals("none") || context.equals("contextVar") ? 0 : Integer.parseInt(context);
        for (int i = 0; i < threadLocals; i++) {
            ThreadLocal<String> threadLocal = new ThreadLocal<>();
            threadLocal.set("loop thread's value " + i);
            Context.propagate(threadLocal);
            propagated.add(threadLocal);
        }
    }

    @TearDown(Level.Trial)
    public void closeLoop() {
        propagated.forEach(Context::stopPropagating);
        loop.close();
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int step() {
        String requestId = context.equals("none") ? null : "request-1";
        // the task's own values: what each propagated ThreadLocal holds during its steps
        for (ThreadLocal<String> threadLocal : propagated) {
            threadLocal.set("task's value");
        }
        int sum = loop.runUntilComplete(loop.createTask(() -> ContextFixtures.yieldToLoop(STEPS, requestId)));
        for (int i = 0; i < propagated.size(); i++) {
            propagated.get(i).set("loop thread's value " + i);
        }
        if (sum != STEPS) {
            throw new IllegalStateException("the task stepped " + sum + " times");
        }
        return sum;
    }
}
