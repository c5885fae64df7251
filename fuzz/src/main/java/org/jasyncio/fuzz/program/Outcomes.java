package org.jasyncio.fuzz.program;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;

/**
 * What an await site of a generated program evaluates. The async twin awaits
 * {@link #future} or {@link #stage}; the reference calls {@link #now} in the same place. All
 * three consult the {@link Log} for the same decision, so both twins see the same value, the
 * same failure or the same cancellation; only the async twin's delivery (done, later,
 * another thread) varies.
 *
 * <p>A cancellation is delivered by cancelling the program's task on the loop's next
 * iteration while the future stays pending: the program's chain of awaits is then suspended
 * on exactly this future (a program awaits every call it makes, and nothing runs between
 * creating the future and awaiting it), so the cancellation reaches this await and no other.
 * For half of them, a loop future completes with its value first, in the same iteration, so
 * the task is cancelled between its wake-up and its resumption.
 */
public final class Outcomes {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fuzz-completer");
        thread.setDaemon(true);
        return thread;
    });

    private Outcomes() {
    }

    /** The reference: the value itself, or the cancellation or failure thrown. */
    public static <T> T now(Log log, int site, T value) throws Exception {
        log.burn();
        long hash = log.nextHash(site);
        CancelledException cancelled = log.cancellation(site, hash);
        if (cancelled != null) {
            throw cancelled;
        }
        Exception failure = log.failure(site, hash);
        if (failure != null) {
            throw failure;
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
        Exception failure = log.failure(site, hash);
        Runnable complete = () -> {
            if (failure != null) {
                future.setException(failure);
            } else {
                future.setResult(value);
            }
        };
        switch (log.schedule().delivery(hash)) {
            case DONE -> complete.run();
            case LATER -> hop(loop, (int) Math.floorMod(hash >>> 8, 4L), complete);
            case THREAD -> POOL.execute(() -> loop.callSoonThreadsafe(complete));
        }
        return future;
    }

    /** A {@code CompletableFuture} with the outcome, completed now, by the loop later, or by a pool thread. */
    public static <T> CompletableFuture<T> stage(Log log, int site, T value) {
        log.burn();
        long hash = log.nextHash(site);
        CompletableFuture<T> stage = new CompletableFuture<>();
        CancelledException cancelled = log.cancellation(site, hash);
        if (cancelled != null) {
            cancelSoon(log, AsyncIO.getRunningLoop(), cancelled, null);
            return stage;
        }
        Exception failure = log.failure(site, hash);
        Runnable complete = () -> {
            if (failure != null) {
                stage.completeExceptionally(failure);
            } else {
                stage.complete(value);
            }
        };
        switch (log.schedule().delivery(hash)) {
            case DONE -> complete.run();
            case LATER -> hop(AsyncIO.getRunningLoop(), (int) Math.floorMod(hash >>> 8, 4L), complete);
            case THREAD -> POOL.execute(complete);
        }
        return stage;
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
