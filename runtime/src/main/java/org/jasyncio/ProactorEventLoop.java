package org.jasyncio;

import org.jasyncio.spi.Clock;
import org.jasyncio.internal.proactor.ParkingPoller;
import org.jasyncio.internal.proactor.ProactorDriver;

/**
 * An event loop on completion-based I/O, like asyncio's {@code ProactorEventLoop}: sockets are NIO.2
 * asynchronous channels of the loop's own {@link java.nio.channels.AsynchronousChannelGroup} (I/O
 * completion ports on Windows, the platform's poller elsewhere), whose small thread pool completes the
 * I/O and hands each completion back to the loop's thread. Protocols, streams and futures therefore run
 * on the loop's thread exactly as on a {@link SelectorEventLoop}.
 *
 * <p>Create one with {@code new ProactorEventLoop()} or make it the default with
 * {@code AsyncIO.setEventLoopPolicy(EventLoopPolicy.proactor())}. {@link #createConnection},
 * {@link #createServer}, {@link AsyncIO#openConnection}, {@link AsyncIO#startServer} and
 * {@link #createDatagramEndpoint} work as on the selector loop (a datagram endpoint's receives block on
 * a thread of the loop's receiver pool, since the JDK has no asynchronous datagram channel). The calls
 * that take a {@link java.nio.channels.SelectableChannel} ({@code addReader}, {@code addWriter},
 * {@code sockConnect}, {@code sockAccept}, {@code sockRecv}, {@code sockRecvInto},
 * {@code sockSendall} and their removals) work too: such a channel cannot complete through a channel
 * group, so the first of them starts one daemon "selector thread" per loop that watches those channels
 * and posts their callbacks to the loop's thread (as Tornado does for asyncio's proactor). They cost a
 * thread hand-off per readiness event; a {@link SelectorEventLoop} serves them directly.
 *
 * <p>{@link #close()} also shuts the loop's channel group down, which closes every socket still open on
 * it, and stops its selector thread.
 */
public class ProactorEventLoop extends EventLoop {

    /** A loop on the system clock; its channel group starts with its first socket. */
    public ProactorEventLoop() {
        super(new ParkingPoller(), Clock.SYSTEM, loop -> new ProactorDriver(loop, loop::enqueueThreadsafe));
    }
}
