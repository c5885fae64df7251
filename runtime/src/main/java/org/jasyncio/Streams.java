package org.jasyncio;

/**
 * What {@link AsyncIO#openConnection} gives: asyncio's {@code (reader, writer)} pair.
 *
 * @param reader reads what the peer sends
 * @param writer writes to the peer
 */
public record Streams(StreamReader reader, StreamWriter writer) {
}
