package org.jasyncio;

import org.jasyncio.internal.loop.Clock;
import org.jasyncio.internal.loop.SelectorPoller;
import org.jasyncio.internal.net.NetworkDriver;
import org.jasyncio.internal.net.SelectorDriver;

/**
 * The default event loop, polling a {@link java.nio.channels.Selector}, like asyncio's
 * {@code SelectorEventLoop}. Create one with {@code AsyncIO.newEventLoop()} or {@code new SelectorEventLoop()}.
 */
public class SelectorEventLoop extends EventLoop {

    private final SelectorDriver driver;

    /** A loop on the platform's default selector and the system clock. */
    public SelectorEventLoop() {
        this(new SelectorPoller(), Clock.SYSTEM);
    }

    /** For tests and subclasses: a loop on {@code poller} reading time from {@code clock} (internals). */
    protected SelectorEventLoop(SelectorPoller poller, Clock clock) {
        super(poller, clock);
        this.driver = new SelectorDriver(this, poller, this::enqueue);
    }

    /** The selector-based network I/O: readiness callbacks, {@code sock*} calls and socket transports. */
    @Override
    protected NetworkDriver networkDriver() {
        return driver;
    }
}
