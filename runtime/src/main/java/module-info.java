/**
 * jasyncio's runtime: asyncio's event loop, futures, tasks, synchronisation primitives, streams and
 * servers, for code whose {@code @Async} methods the jasyncio compiler rewrote (with the Maven plugin,
 * the agent or {@code jasyncio-javac}).
 *
 * <p>A user module {@code requires org.jasyncio} and uses the API package {@link org.jasyncio}. The
 * module exports two more packages, neither for hand-written code: {@link org.jasyncio.spi}, the
 * pluggable parts of an event loop (its poller and clock, e.g. for a loop in virtual time), and
 * {@code org.jasyncio.internal}, the protocol that rewritten methods call. Everything else is internal
 * and not exported.
 */
module org.jasyncio {
    exports org.jasyncio;
    exports org.jasyncio.spi;
    exports org.jasyncio.internal;
}
