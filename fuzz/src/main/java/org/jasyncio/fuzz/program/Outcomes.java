package org.jasyncio.fuzz.program;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;

/**
 * What an await site of a generated program evaluates. The async twin awaits
 * {@link #future} or {@link #stage}; the reference calls {@link #now} in the same place. All
 * three consult the {@link Log} for the same decision, so both twins see the same value or
 * the same failure; only the async twin's delivery (done, later, another thread) varies.
 */
public final class Outcomes {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fuzz-completer");
        thread.setDaemon(true);
        return thread;
    });

    private Outcomes() {
    }

    /** The reference: the value itself, or the failure thrown. */
    public static <T> T now(Log log, int site, T value) throws Exception {
        log.burn();
        Exception failure = log.failure(site, log.nextHash(site));
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    /** A loop future with the outcome, delivered as the schedule says. */
    public static <T> Future<T> future(Log log, int site, T value) {
        log.burn();
        long hash = log.nextHash(site);
        Exception failure = log.failure(site, hash);
        EventLoop loop = AsyncIO.getRunningLoop();
        Future<T> future = loop.createFuture();
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
        Exception failure = log.failure(site, hash);
        CompletableFuture<T> stage = new CompletableFuture<>();
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

    /** Runs {@code action} after {@code hops} further loop iterations. */
    private static void hop(EventLoop loop, int hops, Runnable action) {
        loop.callSoon(hops == 0 ? action : () -> hop(loop, hops - 1, action));
    }
}
