package org.jasyncio.tasks;

import static org.jasyncio.testing.Steps.then;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.testing.Steps;

/**
 * test_shield_effect and test_yield_wait_does_not_shield_cancel: whether cancelling an outer coroutine
 * reaches the inner one it awaits through {@code shield} or {@code wait}.
 */
final class CancelReach {

    private CancelReach() {
    }

    /**
     * {@code outer(): await wrap(inner()); proof += 100}, where {@code inner(): await waiter; proof += 1}:
     * starts outer, cancels it while it waits (it must end cancelled), then lets the waiter finish.
     *
     * @param spin runs that many loop iterations
     * @param wrap what outer awaits, made from the inner coroutine (called to start it)
     * @return {@code proof}: 1 if inner ran on to its end, untouched by the cancellation
     */
    static int proof(EventLoop loop, IntConsumer spin, Function<Supplier<Task<Object>>, Future<?>> wrap) {
        int[] proof = {0};
        Future<Object> waiter = loop.createFuture();
        Supplier<Task<Object>> inner = () -> Steps.inTurn(w -> waiter, then(() -> proof[0] += 1));
        Task<Object> f = AsyncIO.ensureFuture(() -> Steps.inTurn(v -> wrap.apply(inner), then(() -> proof[0] += 100)));
        spin.accept(2);
        f.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(f));
        waiter.setResult(null);
        spin.accept(3);
        return proof[0];
    }
}
