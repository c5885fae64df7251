package org.jasyncio.samples.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.gather;
import static org.jasyncio.AsyncIO.openConnection;
import static org.jasyncio.samples.net.Loopback.HOST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.jasyncio.Async;
import org.jasyncio.Future;
import org.jasyncio.Server;
import org.jasyncio.StreamReader;
import org.jasyncio.Streams;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;

class EchoTest {

    private static final int LIMIT = StreamReader.DEFAULT_LIMIT;

    @Test
    void everyLineComesBackAsSentIncludingLinesLongerThanTheServersLimit() {
        List<byte[]> lines = List.of(
                "Hello World!\n".getBytes(UTF_8),
                "\n".getBytes(UTF_8),
                "naïve café, 你好\n".getBytes(UTF_8),
                line(LIMIT - 1),
                line(LIMIT),
                line(LIMIT + 1),
                line(100 * 1024),
                line(3 * LIMIT + 7),
                "after the long ones\n".getBytes(UTF_8));

        List<byte[]> echoes = Loopback.run(() -> echoOverStreams(lines));

        assertEquals(lines.size(), echoes.size());
        for (int i = 0; i < lines.size(); i++) {
            assertArrayEquals(lines.get(i), echoes.get(i), "line " + i + " of " + lines.get(i).length + " bytes");
        }
    }

    @Test
    void clientsAtTheSameTimeEachGetTheirOwnLinesBack() {
        List<List<byte[]>> conversations = new ArrayList<>();
        for (int client = 0; client < 5; client++) {
            conversations.add(List.of(("client " + client + " says hello\n").getBytes(UTF_8),
                    line(10_000 + client), ("client " + client + " says bye\n").getBytes(UTF_8)));
        }

        List<Object> echoes = Loopback.run(() -> concurrentEchoes(conversations));

        for (int client = 0; client < conversations.size(); client++) {
            @SuppressWarnings("unchecked")
            List<byte[]> echoed = (List<byte[]>) echoes.get(client);
            List<byte[]> sent = conversations.get(client);
            assertEquals(sent.size(), echoed.size());
            for (int i = 0; i < sent.size(); i++) {
                assertArrayEquals(sent.get(i), echoed.get(i), "client " + client + ", line " + i);
            }
        }
    }

    @Test
    void aLastLineWithoutNewlineIsEchoedBeforeTheServerCloses() {
        byte[] echoed = Loopback.run(() -> sendThenHalfClose("no newline at the end".getBytes(UTF_8)));

        assertEquals("no newline at the end", new String(echoed, UTF_8));
    }

    @Test
    void aClientThatSendsNothingGetsNothingAndAnEndOfStream() {
        byte[] echoed = Loopback.run(() -> sendThenHalfClose(new byte[0]));

        assertEquals(0, echoed.length);
    }

    @Test
    void theProtocolServerEchoesOneMebibyte() {
        byte[] message = bytes(1024 * 1024);

        byte[] echoed = Loopback.run(() -> echoOverProtocols(message, EchoProtocolServer.start(HOST, 0)));

        assertArrayEquals(message, echoed);
    }

    @Test
    void theProtocolClientGetsOneMebibyteWithoutNewlinesBackFromTheStreamsServerToo() {
        byte[] message = bytes(1024 * 1024);

        byte[] echoed = Loopback.run(() -> echoOverProtocols(message, EchoServer.start(HOST, 0)));

        assertArrayEquals(message, echoed);
    }

    @Async
    private static Task<List<byte[]>> echoOverStreams(List<byte[]> lines) {
        Server server = await(EchoServer.start(HOST, 0));
        List<byte[]> echoes = await(EchoClient.echo(HOST, server.port(), lines));
        await(closed(server));
        return Task.completed(echoes);
    }

    @Async
    private static Task<List<Object>> concurrentEchoes(List<List<byte[]>> conversations) {
        Server server = await(EchoServer.start(HOST, 0));
        List<Task<List<byte[]>>> clients = new ArrayList<>();
        for (List<byte[]> lines : conversations) {
            clients.add(EchoClient.echo(HOST, server.port(), lines));
        }
        List<Object> echoes = await(gather(clients));
        await(closed(server));
        return Task.completed(echoes);
    }

    @Async
    private static Task<byte[]> sendThenHalfClose(byte[] data) {
        Server server = await(EchoServer.start(HOST, 0));
        Streams streams = await(openConnection(HOST, server.port()));
        streams.writer().write(data);
        streams.writer().writeEof();
        // read(-1) returns only at the end of the stream: the server must close after echoing.
        byte[] echoed = await(streams.reader().read(-1));
        streams.writer().close();
        await(streams.writer().waitClosed());
        await(closed(server));
        return Task.completed(echoed);
    }

    @Async
    private static Task<byte[]> echoOverProtocols(byte[] message, Future<Server> starting) {
        Server server = await(starting);
        byte[] echoed = await(EchoProtocolClient.echo(HOST, server.port(), message));
        await(closed(server));
        return Task.completed(echoed);
    }

    /** Closes the server and waits until its connections are gone too. */
    @Async
    static Task<Void> closed(Server server) {
        server.close();
        assertFalse(server.isServing());
        await(server.waitClosed());
        assertEquals(0, server.activeConnections());
        return Task.completed();
    }

    /** {@code length} bytes ending in a newline, with none before it. */
    private static byte[] line(int length) {
        byte[] line = new byte[length];
        for (int i = 0; i < length - 1; i++) {
            line[i] = (byte) ('a' + i % 26);
        }
        line[length - 1] = '\n';
        return line;
    }

    /** {@code length} letters (no newline) in a pattern that a lost, repeated or reordered chunk would break. */
    private static byte[] bytes(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) ('A' + (i * 7 + i / 251) % 26);
        }
        return data;
    }
}
