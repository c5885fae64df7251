package org.jasyncio.net;

import java.util.function.Function;
import java.util.function.Supplier;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.Server;
import org.jasyncio.ServerOptions;

/**
 * A server for a test that makes one connection to it and then needs the server's side of that
 * connection: {@link #accepted} runs the loop until the server has made its protocol.
 *
 * @param <P> the protocol the server makes
 */
final class Accepting<P extends Protocol> {

    final Server server;
    private final LoopUnderTest t;
    private final Future<P> protocol;

    private Accepting(LoopUnderTest t, Server server, Future<P> protocol) {
        this.t = t;
        this.server = server;
        this.protocol = protocol;
    }

    /** A TCP server on 127.0.0.1 at a free port making {@link RecordingProtocol}s. */
    static Accepting<RecordingProtocol> recording(LoopUnderTest t, ServerOptions options) {
        return tcp(t, () -> new RecordingProtocol(t.loop), options);
    }

    /** A TCP server on 127.0.0.1 at a free port making its protocols with {@code make}. */
    static <P extends Protocol> Accepting<P> tcp(LoopUnderTest t, Supplier<P> make, ServerOptions options) {
        return listen(t, make, factory -> t.loop.createServer(factory, "127.0.0.1", 0, options));
    }

    /** A Unix socket server at {@code path} making its protocols with {@code make}. */
    static <P extends Protocol> Accepting<P> unix(LoopUnderTest t, Supplier<P> make, String path) {
        return listen(t, make, factory -> t.loop.createUnixServer(factory, path));
    }

    private static <P extends Protocol> Accepting<P> listen(LoopUnderTest t, Supplier<P> make,
            Function<Supplier<P>, Future<Server>> start) {
        Future<P> protocol = t.loop.createFuture();
        // A second connection fails in the factory: these tests make one, so another is a bug in the test.
        Server server = t.run(start.apply(() -> {
            P made = make.get();
            protocol.setResult(made);
            return made;
        }));
        return new Accepting<>(t, server, protocol);
    }

    /** The server's TCP port. */
    int port() {
        return server.port();
    }

    /** Runs the loop until the server has accepted the connection; returns the protocol it made for it. */
    P accepted() {
        return t.run(protocol);
    }

    /** Closes the server and runs until it and its connection are gone. */
    void closeAndWait() {
        t.closeAndWait(server);
    }
}
