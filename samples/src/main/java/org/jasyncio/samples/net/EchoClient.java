package org.jasyncio.samples.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.openConnection;

import java.util.ArrayList;
import java.util.List;
import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.StreamReader;
import org.jasyncio.Streams;
import org.jasyncio.Task;

/**
 * asyncio's "TCP echo client using streams": sends lines to an {@link EchoServer} one at a time and
 * reads each one back. Run it with {@code java ... EchoClient [host [port]]} (127.0.0.1 8888 by
 * default) while the server runs.
 */
public final class EchoClient {

    private static final int SHOWN_CHARACTERS = 60;

    private EchoClient() {
    }

    /** Sends a few lines to the server at the given host and port (127.0.0.1 8888 by default). */
    public static void main(String[] args) {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8888;
        List<byte[]> lines = List.of(
                "Hello World!\n".getBytes(UTF_8),
                "Every line comes back as it was sent.\n".getBytes(UTF_8),
                "Bye.\n".getBytes(UTF_8));
        AsyncIO.run(() -> echo(host, port, lines));
    }

    /**
     * Connects, sends each line and waits for its echo before sending the next, then closes.
     *
     * @param host the server's address
     * @param port the server's port
     * @param lines the lines to send, each ending with {@code '\n'}
     * @return what came back for each line, in order
     */
    @Async
    public static Task<List<byte[]>> echo(String host, int port, List<byte[]> lines) {
        // readline returns a whole line at once, so the reader's limit must hold the longest echo.
        int longest = lines.stream().mapToInt(line -> line.length).max().orElse(0);
        Streams streams = await(openConnection(host, port, Math.max(StreamReader.DEFAULT_LIMIT, longest)));

        List<byte[]> echoes = new ArrayList<>();
        for (byte[] line : lines) {
            System.out.println("Send: " + shown(line));
            streams.writer().write(line);
            await(streams.writer().drain());

            byte[] echo = await(streams.reader().readline());
            System.out.println("Received: " + shown(echo));
            echoes.add(echo);
        }

        System.out.println("Close the connection");
        streams.writer().close();
        await(streams.writer().waitClosed());
        return Task.completed(echoes);
    }

    /** A line as text, a long one cut short with its length, so the console stays readable. */
    private static String shown(byte[] line) {
        String text = new String(line, UTF_8).stripTrailing();
        return text.length() <= SHOWN_CHARACTERS
                ? text
                : text.substring(0, SHOWN_CHARACTERS) + "... (" + line.length + " bytes)";
    }
}
