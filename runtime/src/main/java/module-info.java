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
 *
 * <p>The module reads {@code jdk.jfr} if the image has it (in an image of {@code java.base} alone it
 * runs without): it is optional, only for the JFR event {@code org.jasyncio.TaskGraph} that shows a
 * hung loop's tasks to {@code jcmd}.
 */
module org.jasyncio {
    requires static jdk.jfr;

    exports org.jasyncio;
    exports org.jasyncio.spi;
    exports org.jasyncio.internal;
}
