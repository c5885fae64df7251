package org.jasyncio.internal.access;

import org.jasyncio.EventLoop;
import org.jasyncio.internal.net.NetworkDriver;

/**
 * What the runtime's internals (and its own white-box tests) may ask of an {@link EventLoop} beyond
 * its public API. {@code EventLoop} installs it in {@link Access}. Internal to jasyncio: not exported.
 */
@FunctionalInterface
public interface LoopAccess {

    /**
     * The loop type's network I/O, checked as a network call is (open loop, loop thread in debug mode).
     *
     * @throws UnsupportedOperationException for a loop without network I/O
     */
    NetworkDriver networkDriver(EventLoop loop);
}
