package org.jasyncio.fuzz.program;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;

/**
 * What an await site of a generated program evaluates. The async twin awaits one of the
 * awaitables below (a loop future, a {@code CompletableFuture}, its minimal stage, a hand-written
 * stage; the generated {@code fz.Entry} makes tasks of them); the reference calls {@link #now} in
 * the same place. All consult the {@link Log} for the same decision, so both twins see the same
 * value, the same failure or the same cancellation; only the async twin's delivery (done, later,
 * by timers, another thread) varies.
 *
 * <p>A cancellation is delivered by cancelling the program's task on the loop's next
 * iteration while the future stays pending: the program's chain of awaits is then suspended
 * on exactly this future (a program awaits every call it makes, and nothing runs between
 * creating the future and awaiting it), so the cancellation reaches this await and no other.
 * For half of them, a loop future completes with its value first, in the same iteration, so
 * the task is cancelled between its wake-up and its resumption.
 *
 * <p>Every loop callback also checks that it runs outside every task ({@link Probe#outsideTasks}),
 * and timers of one deadline that they run in the order they were scheduled: a failure of either
 * fails the awaited thing instead, which the reference does not.
 */
public final class Outcomes {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fuzz-completer");
        thread.setDaemon(true);
        return thread;
    });
    /** How far ahead timers of one deadline are set: real time, so that the loop really waits. */
    private static final double TIMER_DELAY = 0.0005;

    private Outcomes() {
    }

    /** Completes an awaitable: with the value when {@code failure} is null. */
    @FunctionalInterface
    private interface Settler {
        void settle(Exception failure);
    }

    /** The reference: the value itself, or the cancellation or failure thrown. */
    public static <T> T now(Log log, int site, T value) throws Exception {
        log.burn();
        long hash = log.nextHash(site);
        CancelledException cancelled = log.cancellation(site, hash);
        if (cancelled != null) {
            throw cancelled;
        }
        Supplier<Exception> failure = log.failure(site, hash);
        if (failure != null) {
            throw failure.get();
        }
        return value;
    }

    /** A loop future with the outcome, delivered as the schedule says. */
    public static <T> Future<T> future(Log log, int site, T value) {
        log.burn();
        long hash = log.nextHash(site);
        EventLoop loop = AsyncIO.getRunningLoop();
        Future<T> future = loop.createFuture();
        CancelledException cancelled = log.cancellation(site, hash);
        if (cancelled != null) {
            if (log.schedule().completesBeforeCancel(hash)) {
                loop.callSoon(() -> future.setResult(value));
            }
            cancelSoon(log, loop, cancelled, future);
            return future;
        }
        deliver(log, hash, loop, log.failure(site, hash), failure -> {
            if (failure != null) {
                future.setException(failure);
            } else {
                future.setResult(value);
            }
        }, false);
        return future;
    }

    /** A {@code CompletableFuture} with the outcome, completed now, by the loop later, or by a pool thread. */
    public static <T> CompletableFuture<T> stage(Log log, int site, T value) {
        log.burn();
        long hash = log.nextHash(site);
        CompletableFuture<T> stage = new CompletableFuture<>();
        EventLoop loop = AsyncIO.getRunningLoop();
        CancelledException cancelled = log.cancellation(site, hash);
        if (cancelled != null) {
            cancelSoon(log, loop, cancelled, null);
            return stage;
        }
        deliver(log, hash, loop, log.failure(site, hash), failure -> {
            if (failure != null) {
                stage.completeExceptionally(failure);
            } else {
                stage.complete(value);
            }
        }, true);
        return stage;
    }

    /** {@link #stage}'s {@code minimalCompletionStage()}: a stage that is not a full {@code CompletableFuture}. */
    public static <T> CompletionStage<T> minimal(Log log, int site, T value) {
        log.reached(Feature.MINIMAL_STAGE);
        return stage(log, site, value).minimalCompletionStage();
    }

    /** {@link #stage} seen through a stage of another library, which supports {@code whenComplete} alone. */
    public static <T> CompletionStage<T> handWritten(Log log, int site, T value) {
        log.reached(Feature.HAND_WRITTEN_STAGE);
        return onlyWhenComplete(stage(log, site, value));
    }

    @SuppressWarnings("unchecked")
    private static <T> CompletionStage<T> onlyWhenComplete(CompletionStage<T> source) {
        return (CompletionStage<T>) Proxy.newProxyInstance(Outcomes.class.getClassLoader(),
                new Class<?>[] {CompletionStage.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "whenComplete" -> onlyWhenComplete(source.whenComplete((BiConsumer<? super T, ? super Throwable>) args[0]));
                    case "toString" -> "a hand-written stage";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(
                            method.getName() + ": a hand-written stage supports whenComplete alone");
                });
    }

    /**
     * Settles an awaitable as the schedule says: now, after a few loop iterations, from timers of
     * one deadline, or from a pool thread ({@code threadSettles}: the thread itself, else through
     * {@code callSoonThreadsafe}). A loop callback that finds a task current settles it with that
     * problem instead.
     */
    private static void deliver(Log log, long hash, EventLoop loop, Supplier<Exception> failure, Settler settler,
                                boolean threadSettles) {
        Runnable settle = () -> settler.settle(failure == null ? null : failure.get());
        Runnable onLoop = () -> {
            String problem = Probe.outsideTasks();
            if (problem != null) {
                settler.settle(new IllegalStateException(problem));
            } else {
                settle.run();
            }
        };
        switch (log.schedule().delivery(hash)) {
            case DONE -> settle.run();
            case LATER -> hop(loop, (int) Math.floorMod(hash >>> 8, 4L), onLoop);
            case TIMER -> {
                log.reached(Feature.EQUAL_DEADLINES);
                equalDeadlines(loop, 2 + (int) Math.floorMod(hash >>> 12, 3L), onLoop, settler);
            }
            case THREAD -> POOL.execute(threadSettles ? settle : () -> loop.callSoonThreadsafe(onLoop));
        }
    }

    /**
     * Schedules {@code count} timers with one {@code when}, the last of which runs {@code action}
     * if they ran in the order they were scheduled (the contract for equal deadlines).
     */
    private static void equalDeadlines(EventLoop loop, int count, Runnable action, Settler settler) {
        double when = loop.time() + TIMER_DELAY;
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            loop.callAt(when, () -> {
                ran.add(index);
                if (ran.size() < count) {
                    return;
                }
                if (ran.equals(IntStream.range(0, count).boxed().toList())) {
                    action.run();
                } else {
                    settler.settle(new IllegalStateException("callAt ran timers of one deadline in the order " + ran));
                }
            });
        }
    }

    /**
     * Cancels the program's task once the await that follows has suspended it. A cancel that
     * finds the task done (a runtime that resumed it anyway) is no cancellation, and the
     * traces show it. {@code awaited}, the loop future awaited (null for a stage), tells
     * whether the cancellation came after its completion.
     */
    private static void cancelSoon(Log log, EventLoop loop, CancelledException decided, Future<?> awaited) {
        loop.callSoon(() -> {
            boolean completed = awaited != null && awaited.done();
            if (log.root().cancel(decided.getMessage())) {
                log.reached(Feature.CANCELLED_AT_AWAIT);
                if (completed) {
                    log.reached(Feature.CANCELLED_AFTER_COMPLETION);
                }
            }
        });
    }

    /** Runs {@code action} after {@code hops} further loop iterations. */
    private static void hop(EventLoop loop, int hops, Runnable action) {
        loop.callSoon(hops == 0 ? action : () -> hop(loop, hops - 1, action));
    }
}
