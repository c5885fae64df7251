package org.jasyncio.samples.net;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.getRunningLoop;
import static org.jasyncio.AsyncIO.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.Task;

/**
 * Runs a network scenario on a fresh loop ({@link AsyncIO#run}) with a bound on its time, and fails
 * it if the loop reported anything to its exception handler meanwhile (e.g. a server handler that
 * failed), since a sample that works only prints.
 */
final class Loopback {

    static final String HOST = "127.0.0.1";

    /** Generous: each scenario takes well under a second on loopback; the bound only stops a hang. */
    private static final double TIMEOUT_SECONDS = 30;

    private Loopback() {
    }

    static <T> T run(Supplier<Task<T>> scenario) {
        return AsyncIO.run(() -> bounded(scenario));
    }

    @Async
    private static <T> Task<T> bounded(Supplier<Task<T>> scenario) {
        List<Map<String, Object>> reports = new ArrayList<>();
        getRunningLoop().setExceptionHandler((loop, context) -> reports.add(context));
        T result = await(waitFor(scenario.get(), TIMEOUT_SECONDS));
        assertEquals(List.of(), reports, "the loop reported errors");
        return Task.completed(result);
    }
}
