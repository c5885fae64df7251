package org.jasyncio;

/**
 * What {@link EventLoop#createConnection} gives: asyncio's {@code (transport, protocol)} pair.
 *
 * @param transport the connection's transport
 * @param protocol the protocol the factory made for it
 * @param <P> the protocol's type
 */
public record Connection<P extends Protocol>(Transport transport, P protocol) {
}
