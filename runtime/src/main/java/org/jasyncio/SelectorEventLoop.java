package org.jasyncio;

import org.jasyncio.internal.selector.SelectorDriver;
import org.jasyncio.internal.selector.SelectorPoller;
import org.jasyncio.spi.Clock;

/**
 * The default event loop, polling a {@link java.nio.channels.Selector}, like asyncio's
 * {@code SelectorEventLoop}. Create one with {@code AsyncIO.newEventLoop()} or {@code new SelectorEventLoop()}.
 */
public class SelectorEventLoop extends EventLoop {

    /** A loop on the platform's default selector and the system clock. */
    public SelectorEventLoop() {
        this(new SelectorPoller());
    }

    private SelectorEventLoop(SelectorPoller poller) {
        super(poller, Clock.SYSTEM, loop -> new SelectorDriver(loop, poller, loop::enqueue));
    }
}
