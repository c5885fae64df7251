package org.jasyncio;

import org.jasyncio.internal.loop.Clock;
import org.jasyncio.internal.loop.SelectorPoller;

/**
 * The default event loop, polling a {@link java.nio.channels.Selector}, like asyncio's
 * {@code SelectorEventLoop}. Create one with {@code AsyncIO.newEventLoop()} or {@code new SelectorEventLoop()}.
 */
public class SelectorEventLoop extends EventLoop {

    /** A loop on the platform's default selector and the system clock. */
    public SelectorEventLoop() {
        this(new SelectorPoller(), Clock.SYSTEM);
    }

    /** For tests and subclasses: a loop on {@code poller} reading time from {@code clock} (internals). */
    protected SelectorEventLoop(SelectorPoller poller, Clock clock) {
        super(poller, clock);
    }
}
