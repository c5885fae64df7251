package org.jasyncio.iteration;

import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;
import org.jasyncio.testing.HandWritten;

/**
 * A generator's body that ignores being closed, as the compiler would rewrite it, by hand:
 * <pre>{@code
 * @Async static Task<Void> stubborn() {
 *     while (true) {
 *         try { await(emit("again")); }          // suspension 1
 *         catch (CancelledException e) { }       // swallows close(): the next emit fails
 *     }
 * }
 * }</pre>
 */
@SuppressWarnings("rawtypes")
final class Stubborn {
    private static final String WHERE = "org.jasyncio.iteration.Stubborn.stubborn(Stubborn.java)";
    private static final Coroutine.Resumer STUBBORN = co -> stubborn$async(co);

    private Stubborn() {
    }

    @SuppressWarnings("unchecked")
    static Task<Void> stubborn() {
        return stubborn$async(null);
    }

    private static Task stubborn$async(Coroutine co) {
        try {
            boolean resuming = co != null && co.state == 1;
            if (co == null && !Coroutine.runsEagerly()) {
                co = HandWritten.create(STUBBORN, 0, WHERE, 3);
                co.startSoon();
                return co;
            }
            while (true) {
                try {
                    if (resuming) {
                        resuming = false;
                        co.resumeValue();
                    } else {
                        Object emitted = AsyncIO.emit("again");
                        if (Coroutine.isDone(emitted)) {
                            Coroutine.resultOf(emitted);
                        } else {
                            if (co == null) {
                                co = HandWritten.create(STUBBORN, 0, WHERE, 3);
                            }
                            co.suspendOn(emitted, 1);
                            return co;
                        }
                    }
                } catch (CancelledException swallowed) {
                    // the body under test ignores close(): its next emit must fail
                }
            }
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }
}
