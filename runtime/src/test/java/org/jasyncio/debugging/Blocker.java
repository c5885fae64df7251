package org.jasyncio.debugging;

import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;
import org.jasyncio.testing.HandWritten;
import org.jasyncio.testing.VirtualTimeLoop;

/** A hand-written state machine whose second step blocks the loop for 150 ms of virtual time. */
@SuppressWarnings({"rawtypes", "unchecked"})
final class Blocker {
    static final String WHERE = "org.jasyncio.samples.Greeter.greet(Greeter.java)";

    private Blocker() {
    }

    /**
     * <pre>{@code
     * @Async static Task<Void> greet(VirtualTimeLoop loop, Future<?> first, Future<?> second) {
     *     loop.advance(blockFirst);
     *     await(first);            // Greeter.java:11
     *     loop.advance(0.150);     // blocks the loop
     *     await(second);           // Greeter.java:12
     *     return Task.completed();
     * }
     * }</pre>
     */
    static Task<Void> greet(VirtualTimeLoop loop, double blockFirst, Future<?> first, Future<?> second) {
        return greet$async(loop, blockFirst, first, second, null);
    }

    private static final Coroutine.Resumer GREET = co -> greet$async(null, 0, null, null, co);

    private static Task greet$async(VirtualTimeLoop loop, double blockFirst, Future<?> first, Future<?> second,
            Coroutine co) {
        try {
            if (co == null) {
                co = HandWritten.create(GREET, 2, WHERE, 11, 12);
                HandWritten.slots(co)[0] = loop;
                HandWritten.slots(co)[1] = second;
                loop.advance(blockFirst);
                co.suspendOn(first, 1);
                return co;
            }
            if (co.state == 1) {
                co.resumeValue();
                ((VirtualTimeLoop) HandWritten.slots(co)[0]).advance(0.150);
                co.suspendOn(HandWritten.slots(co)[1], 2);
                return co;
            }
            co.resumeValue();
            return Coroutine.complete(Task.completed(), co, 0);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }
}
