package org.jasyncio.internal.loop;

import java.util.Locale;

/**
 * Debug mode's "blocking the event loop" warning: reports a callback that ran longer than the
 * threshold, in asyncio's words ({@code Executing <Handle ...> took 0.150 seconds}). Internal to
 * jasyncio: not for users.
 */
public final class SlowCallbackReporter {

    private final System.Logger logger;

    /** Creates a reporter that writes WARNING records to {@code logger}. */
    public SlowCallbackReporter(System.Logger logger) {
        this.logger = logger;
    }

    /**
     * Reports {@code callback} (described by its {@code toString()}, which for a handle includes where
     * it was created) if {@code elapsedNanos} reaches {@code thresholdNanos}.
     */
    public void check(Object callback, long elapsedNanos, long thresholdNanos) {
        if (elapsedNanos >= thresholdNanos) {
            logger.log(System.Logger.Level.WARNING, String.format(Locale.ROOT,
                    "Executing %s took %.3f seconds", CallbackDescription.of(callback), elapsedNanos / 1e9));
        }
    }
}
