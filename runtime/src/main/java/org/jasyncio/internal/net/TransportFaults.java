package org.jasyncio.internal.net;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jasyncio.EventLoop;
import org.jasyncio.Protocol;
import org.jasyncio.Transport;

/**
 * How a stream transport of either loop type reports what goes wrong: to the loop's exception handler,
 * with the transport and protocol in the context, as asyncio's transports do. Internal to jasyncio:
 * not for users.
 */
public final class TransportFaults {

    private static final System.Logger LOGGER = System.getLogger("org.jasyncio");

    private final EventLoop loop;
    private final Transport transport;
    private final Protocol protocol;

    /** Faults of {@code transport}, which serves {@code protocol} on {@code loop}. */
    public TransportFaults(EventLoop loop, Transport transport, Protocol protocol) {
        this.loop = loop;
        this.transport = transport;
        this.protocol = protocol;
    }

    /** Reports {@code failure} with {@code message} to the loop's exception handler. */
    public void report(String message, Throwable failure) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", message);
        context.put("exception", failure);
        context.put("transport", transport);
        context.put("protocol", protocol);
        loop.callExceptionHandler(context);
    }

    /**
     * A failure that ends the connection: an {@link IOException} becomes jasyncio's connection exception
     * (a reset is only logged at DEBUG, as asyncio does: a peer going away is ordinary); anything else is
     * reported as it is.
     *
     * @return the exception to hand to {@code connectionLost}
     */
    public Throwable fatal(Throwable failure, String message) {
        if (!(failure instanceof IOException)) {
            report(message, failure);
            return failure;
        }
        IOException io = (IOException) failure;
        RuntimeException translated = ConnectionErrors.onConnection(io);
        if (ConnectionErrors.isReset(io)) {
            LOGGER.log(System.Logger.Level.DEBUG, () -> transport + ": " + message, failure);
        } else {
            report(message, translated);
        }
        return translated;
    }
}
