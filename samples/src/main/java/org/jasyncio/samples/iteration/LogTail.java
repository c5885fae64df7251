package org.jasyncio.samples.iteration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.openConnection;
import static org.jasyncio.AsyncIO.startServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.AsyncIterator;
import org.jasyncio.Server;
import org.jasyncio.StreamReader;
import org.jasyncio.StreamWriter;
import org.jasyncio.Streams;
import org.jasyncio.Task;

/**
 * A log tail over the network: a server streams a service's log, and the client runs it through a
 * pipeline of async generators ({@link Pipeline}) that decodes the lines, counts them per level,
 * keeps the warnings and errors, and stops after the first few. Each stage asks the one before it
 * for one line at a time, so the client reads the stream only as far as it needs: the counts show
 * how far that was.
 *
 * <pre>
 * java ... LogTail [problems]     # how many warnings and errors to show; 2 by default
 * </pre>
 */
public final class LogTail {

    /** The log the demo server sends, one line each. */
    static final List<String> LOG = List.of(
            "12:00:01 INFO service started",
            "12:00:02 INFO request 1 ok",
            "12:00:02 DEBUG cache warmed",
            "12:00:03 WARN disk 81% full",
            "12:00:04 INFO request 2 ok",
            "12:00:05 ERROR payment 17 failed: timeout",
            "12:00:06 INFO request 3 ok",
            "12:00:07 ERROR payment 18 failed: declined",
            "12:00:08 INFO shutting down");

    /** What the tail found: every line read, per level, and the problems it kept. */
    public record Summary(Map<String, Integer> linesPerLevel, List<String> problems) {
    }

    private LogTail() {
    }

    /** Prints the first warnings and errors of the demo log and how many lines of each level it read for them. */
    public static void main(String[] args) {
        int problems = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Summary summary = AsyncIO.run(() -> demo(problems));
        summary.problems().forEach(System.out::println);
        System.out.println("lines read per level: " + summary.linesPerLevel());
    }

    /** Serves {@link #LOG} on a free port of 127.0.0.1, tails it for {@code problems} problems, and stops the server. */
    @Async
    public static Task<Summary> demo(int problems) {
        Server server = await(startServer(LogTail::serveLog, "127.0.0.1", 0));
        try {
            Streams log = await(openConnection("127.0.0.1", server.port()));
            Summary summary = await(tail(log.reader(), problems));
            log.writer().close();
            await(log.writer().waitClosed());
            return Task.completed(summary);
        } finally {
            server.close();
            await(server.waitClosed());
        }
    }

    /**
     * The pipeline: the reader's lines, decoded, counted, only warnings and errors, the first
     * {@code problems} of them, consumed with {@code for (...; await(it.hasNext()); )}.
     */
    @Async
    public static Task<Summary> tail(StreamReader reader, int problems) {
        Map<String, Integer> perLevel = new TreeMap<>();
        List<String> kept = new ArrayList<>();
        AsyncIterator<String> pipeline = Pipeline.first(
                Pipeline.matching(Pipeline.counted(Pipeline.decoded(reader.lines()), perLevel),
                        line -> List.of("WARN", "ERROR").contains(Pipeline.level(line))),
                problems);
        try {
            for (AsyncIterator<String> it = pipeline; await(it.hasNext()); ) {
                kept.add(it.next());
            }
        } finally {
            await(pipeline.close());
        }
        return Task.completed(new Summary(perLevel, kept));
    }

    @Async
    private static Task<Void> serveLog(StreamReader reader, StreamWriter writer) {
        for (String line : LOG) {
            writer.write((line + "\n").getBytes(UTF_8));
            await(writer.drain());
        }
        writer.close();
        await(writer.waitClosed());
        return Task.completed();
    }
}
