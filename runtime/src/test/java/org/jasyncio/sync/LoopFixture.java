package org.jasyncio.sync;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.testing.CurrentVirtualLoop;
import org.jasyncio.testing.Relay;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A virtual-time loop per test, set as current, and ways to step it (the conformance ports in other packages share it). */
public abstract class LoopFixture {
    @RegisterExtension
    protected final CurrentVirtualLoop current = new CurrentVirtualLoop();
    protected final VirtualTimeLoop loop = current.loop();

    /** Runs {@code n} loop iterations. */
    protected void spin(int n) {
        for (int i = 0; i < n; i++) {
            loop.callSoon(loop::stop);
            loop.runForever();
        }
    }

    /** Runs iterations until nothing more is ready (bounded, so a livelock fails the test). */
    protected void settle() {
        spin(20);
    }

    /** A task that, on the loop's next iteration, calls {@code start} and awaits what it returns, then runs {@code then}. */
    protected Task<Object> task(Supplier<? extends Future<?>> start, Consumer<Object> then) {
        return loop.createTask(() -> Relay.awaitThen(start.get(), then));
    }
}
