package org.jasyncio;

import org.jasyncio.internal.access.LoopAccess;
import org.jasyncio.internal.net.NetworkDriver;

/** The event loops' package-private operations, handed to the runtime's internals through the access bridge. */
final class LoopHooks implements LoopAccess {

    @Override
    public EventLoop running() {
        return CurrentLoop.running();
    }

    @Override
    public EventLoop current(String forWhat) {
        return CurrentLoop.get(forWhat);
    }

    @Override
    public NetworkDriver networkDriver(EventLoop loop) {
        return loop.network().driver();
    }
}
