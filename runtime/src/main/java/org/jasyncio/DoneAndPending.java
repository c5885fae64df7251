package org.jasyncio;

import java.util.Set;

/**
 * What {@link AsyncIO#wait} returns: the futures that were done and those still pending when it
 * returned (asyncio's {@code (done, pending)} pair).
 *
 * @param done the futures that were done, in the order they were given
 * @param pending the futures still pending, in the order they were given
 */
public record DoneAndPending(Set<Future<?>> done, Set<Future<?>> pending) {
}
