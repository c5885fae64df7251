package org.jasyncio.benchmarks.echo;

import static org.jasyncio.AsyncIO.await;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.ClientConnected;
import org.jasyncio.EventLoop;
import org.jasyncio.Protocol;
import org.jasyncio.Server;
import org.jasyncio.StreamReader;
import org.jasyncio.StreamWriter;
import org.jasyncio.Task;
import org.jasyncio.Transport;

/** jasyncio's echo servers, each on a loop of its own thread: streams, or protocols. */
final class JasyncioEchoServers {

    /** A running server: its port, and how to stop it. */
    record Running(int port, Runnable stop) {
    }

    /** Echoes with the transport/protocol layer: each chunk goes straight back. */
    static final class EchoProtocol implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(Transport made) {
            transport = made;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
        }
    }

    private JasyncioEchoServers() {
    }

    @Async
    static Task<Void> echo(StreamReader reader, StreamWriter writer) {
        while (true) {
            byte[] data = await(reader.read(256 * 1024));
            if (data.length == 0) {
                break;
            }
            writer.write(data);
            await(writer.drain());
        }
        writer.close();
        return Task.completed();
    }

    /** The same loop with {@code readinto}: one direct buffer per connection, lent to every read. */
    @Async
    static Task<Void> echoInto(StreamReader reader, StreamWriter writer) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        while (true) {
            buffer.clear();
            int n = await(reader.readinto(buffer));
            if (n == 0) {
                break;
            }
            buffer.flip();
            writer.write(buffer);
            await(writer.drain());
        }
        writer.close();
        return Task.completed();
    }

    static Running protocols(Supplier<EventLoop> loops) throws Exception {
        return start(loops, loop -> loop.createServer(EchoProtocol::new, "127.0.0.1", 0));
    }

    static Running streams(Supplier<EventLoop> loops) throws Exception {
        return start(loops, loop -> startStreams(JasyncioEchoServers::echo));
    }

    static Running streamsInto(Supplier<EventLoop> loops) throws Exception {
        return start(loops, loop -> startStreams(JasyncioEchoServers::echoInto));
    }

    /** startServer needs a running loop, so it is awaited inside a task. */
    @Async
    private static Task<Server> startStreams(ClientConnected handler) {
        return Task.completed(await(AsyncIO.startServer(handler, "127.0.0.1", 0)));
    }

    private static Running start(Supplier<EventLoop> loops,
            java.util.function.Function<EventLoop, org.jasyncio.Future<Server>> serve) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        EventLoop loop = loops.get();
        Thread thread = new Thread(() -> {
            AsyncIO.setEventLoop(loop);
            try {
                Server server = loop.runUntilComplete(serve.apply(loop));
                port.complete(server.port());
                loop.runForever();
                server.close();
                server.abortClients();
            } catch (RuntimeException e) {
                port.completeExceptionally(e);
            } finally {
                loop.close();
            }
        }, "echo-server-" + loop.getClass().getSimpleName());
        thread.setDaemon(true);
        thread.start();
        return new Running(port.get(), () -> {
            loop.stop();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
