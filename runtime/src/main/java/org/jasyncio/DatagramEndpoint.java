package org.jasyncio;

/**
 * What {@link EventLoop#createDatagramEndpoint} gives: asyncio's {@code (transport, protocol)} pair.
 *
 * @param transport the endpoint's transport
 * @param protocol the protocol the factory made for it
 * @param <P> the protocol's type
 */
public record DatagramEndpoint<P extends DatagramProtocol>(DatagramTransport transport, P protocol) {
}
