package org.jasyncio.net;

import static org.jasyncio.net.Payloads.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.jasyncio.AsyncIO;
import org.jasyncio.AsyncIterator;
import org.jasyncio.LimitOverrunException;
import org.jasyncio.Server;
import org.jasyncio.StreamReader;
import org.jasyncio.StreamWriter;
import org.jasyncio.Streams;
import org.jasyncio.Task;
import org.jasyncio.iteration.Collect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code StreamReader.lines()} over a real connection, on every loop type. */
class StreamLinesTest {
    private static final String LONG = "x".repeat(100);

    static List<LoopType> loops() {
        return LoopType.all();
    }

    /** Sends two lines, an overlong one and a last one without newline, then closes. */
    static Task<Void> talk(StreamReader reader, StreamWriter writer) {
        writer.write(bytes("alpha\nbeta\n" + LONG + "\nlast"));
        writer.drain().addDoneCallback(drained -> writer.close());
        return Task.completed();
    }

    private static List<String> text(List<Object> lines) {
        return lines.stream().map(line -> new String((byte[]) line, StandardCharsets.UTF_8)).collect(Collectors.toList());
    }

    @ParameterizedTest
    @MethodSource("loops")
    void linesOfAConnectionUnderTheReadersLimit(LoopType type) {
        LoopUnderTest.assertNoLeak(() -> {
            try (LoopUnderTest t = new LoopUnderTest(type)) {
                Server server = t.call(() -> AsyncIO.startServer(StreamLinesTest::talk, "127.0.0.1", 0));
                Streams s = t.call(() -> AsyncIO.openConnection("127.0.0.1", server.port(), 64));
                AsyncIterator<byte[]> lines = s.reader().lines();
                assertEquals(List.of("alpha\n", "beta\n"), text(t.run(Collect.collect(lines, 2))));
                assertThrows(LimitOverrunException.class, () -> t.run(lines.hasNext()));
                assertEquals(List.of("last"), text(t.run(Collect.all(lines))));
                s.writer().close();
                t.run(s.writer().waitClosed());
                t.closeAndWait(server);
            }
        });
    }
}
