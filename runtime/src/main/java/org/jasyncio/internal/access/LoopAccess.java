package org.jasyncio.internal.access;

import org.jasyncio.EventLoop;
import org.jasyncio.internal.net.NetworkDriver;

/**
 * What the runtime's internals (and its own white-box tests) may ask of the event loops beyond their
 * public API: which loop a thread has, and a loop's network driver. {@code EventLoop} installs it in {@link Access}. Internal to jasyncio: not exported.
 */
public interface LoopAccess {

    /** The loop running on this thread, or {@code null}. */
    EventLoop running();

    /**
     * The loop a call on this thread belongs to: the running loop, else this thread's current loop
     * (asyncio's {@code get_event_loop()}).
     *
     * @param forWhat what needs the loop (an {@code @Async} method), named in the "no current event
     *     loop" error
     */
    EventLoop current(String forWhat);

    /**
     * The loop type's network I/O, checked as a network call is (open loop, loop thread in debug mode).
     *
     * @throws UnsupportedOperationException for a loop without network I/O
     */
    NetworkDriver networkDriver(EventLoop loop);
}
