package org.jasyncio.samples.net;

import static org.jasyncio.AsyncIO.await;

import java.util.function.BiFunction;
import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.Future;
import org.jasyncio.Server;
import org.jasyncio.Task;

/**
 * The {@code main} of every server sample, as in asyncio's examples: start on 127.0.0.1, say where,
 * and {@code serveForever} until the process is killed.
 */
final class ServerMain {

    private static final String HOST = "127.0.0.1";
    private static final int DEFAULT_PORT = 8888;

    private ServerMain() {
    }

    /**
     * Serves on the port given as the only argument, 8888 without one.
     *
     * @param start the sample's programmatic entry, e.g. {@code EchoServer::start}
     */
    static void run(String[] args, BiFunction<String, Integer, Future<Server>> start) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        AsyncIO.run(() -> serve(start, port));
    }

    @Async
    private static Task<Void> serve(BiFunction<String, Integer, Future<Server>> start, int port) {
        Server server = await(start.apply(HOST, port));
        System.out.println("Serving on " + HOST + ":" + server.port());
        await(server.serveForever());
        return Task.completed();
    }
}
