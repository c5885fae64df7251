package org.jasyncio.benchmarks.echo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jasyncio.ProactorEventLoop;
import org.jasyncio.SelectorEventLoop;

/**
 * The echo benchmark in uvloop's shape: one Java client ({@link EchoClient}) drives each server in
 * turn with closed-loop connections sending 1 KiB, 10 KiB and 100 KiB messages; every server serves
 * from one loop thread. Prints one markdown table row per server and message size.
 *
 * <p>Usage: {@code EchoBenchmark [--seconds S] [--warmup S] [--connections N] [--sizes 1024,10240,102400]
 * [--servers streams,streams-into,protocols,proactor,netty] [--external NAME=PORT ...]}; with {@code --external}
 * only the servers already listening on those loopback ports are measured (the script runs Python's
 * and Node's that way).
 */
public final class EchoBenchmark {

    private interface Starter {
        JasyncioEchoServers.Running start() throws Exception;
    }

    private EchoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = 3;
        double warmup = 1;
        int connections = 10;
        int[] sizes = {1024, 10 * 1024, 100 * 1024};
        List<String> servers = List.of("streams", "streams-into", "protocols", "proactor", "netty");
        List<String[]> external = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--warmup" -> warmup = Double.parseDouble(value);
                case "--connections" -> connections = Integer.parseInt(value);
                case "--sizes" -> sizes = java.util.Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--servers" -> servers = List.of(value.split(","));
                case "--external" -> external.add(value.split("=", 2));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!external.isEmpty()) {
            for (String[] server : external) {
                int port = Integer.parseInt(server[1]);
                measure(server[0], () -> new JasyncioEchoServers.Running(port, () -> { }), sizes, connections,
                        warmup, seconds);
            }
            return;
        }
        for (String name : servers) {
            measure(label(name), starter(name), sizes, connections, warmup, seconds);
        }
    }

    private static String label(String name) {
        return switch (name) {
            case "streams" -> "jasyncio streams, read (selector)";
            case "streams-into" -> "jasyncio streams, readinto (selector)";
            case "protocols" -> "jasyncio protocols (selector)";
            case "proactor" -> "jasyncio protocols (proactor)";
            case "netty" -> "Netty, 1 NIO event-loop thread";
            default -> throw new IllegalArgumentException("unknown server " + name);
        };
    }

    private static Starter starter(String name) {
        return switch (name) {
            case "streams" -> () -> JasyncioEchoServers.streams(SelectorEventLoop::new);
            case "streams-into" -> () -> JasyncioEchoServers.streamsInto(SelectorEventLoop::new);
            case "protocols" -> () -> JasyncioEchoServers.protocols(SelectorEventLoop::new);
            case "proactor" -> () -> JasyncioEchoServers.protocols(ProactorEventLoop::new);
            case "netty" -> NettyEchoServer::start;
            default -> throw new IllegalArgumentException("unknown server " + name);
        };
    }

    private static void measure(String name, Starter starter, int[] sizes, int connections, double warmup,
            double seconds) throws Exception {
        for (int size : sizes) {
            JasyncioEchoServers.Running server = starter.start();
            try {
                EchoClient.Result result = EchoClient.run(server.port(), size, connections, warmup, seconds);
                System.out.printf(Locale.ROOT, "| %s | %d KiB | %,.0f | %,.1f |%n", name, size / 1024,
                        result.messagesPerSecond(), result.megabytesPerSecond());
            } finally {
                server.stop().run();
            }
        }
    }
}
