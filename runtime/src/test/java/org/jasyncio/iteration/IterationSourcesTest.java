package org.jasyncio.iteration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.jasyncio.AsyncIO;
import org.jasyncio.AsyncIterator;
import org.jasyncio.CompletionOrder;
import org.jasyncio.Future;
import org.jasyncio.LimitOverrunException;
import org.jasyncio.Queue;
import org.jasyncio.StreamReader;
import org.jasyncio.Task;
import org.jasyncio.TimeoutException;
import org.jasyncio.testing.CurrentVirtualLoop;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Where asyncio iterates: a stream's lines, a queue's items, asCompleted's futures. */
class IterationSourcesTest {
    @RegisterExtension
    final CurrentVirtualLoop current = new CurrentVirtualLoop();
    final VirtualTimeLoop loop = current.loop();

    private void settle() {
        for (int i = 0; i < 20; i++) {
            loop.callSoon(loop::stop);
            loop.runForever();
        }
    }

    private static List<String> text(List<Object> lines) {
        return lines.stream().map(line -> new String((byte[]) line, UTF_8)).collect(Collectors.toList());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void linesKeepTheirSeparatorAndTheLastMayHaveNone() {
        StreamReader reader = new StreamReader(64, loop);
        reader.feedData(bytes("a\nbb\nc"));
        reader.feedEof();
        assertEquals(List.of("a\n", "bb\n", "c"), text(loop.runUntilComplete(Collect.all(reader.lines()))));
    }

    @Test
    void linesWaitForDataAndEndAtEof() {
        StreamReader reader = new StreamReader(64, loop);
        Task<List<Object>> consumer = Collect.all(reader.lines());
        settle();
        assertFalse(consumer.done());
        reader.feedData(bytes("x"));
        settle();
        reader.feedData(bytes("y\n"));
        settle();
        reader.feedEof();
        assertEquals(List.of("xy\n"), text(loop.runUntilComplete(consumer)));
    }

    @Test
    void anOverlongLineFailsHasNextAsReadlineDoesAndTheIterationGoesOn() {
        StreamReader reader = new StreamReader(8, loop);
        reader.feedData(bytes("0123456789abc\nok\n"));
        reader.feedEof();
        AsyncIterator<byte[]> lines = reader.lines();
        assertThrows(LimitOverrunException.class, () -> loop.runUntilComplete(lines.hasNext()));
        assertEquals(List.of("ok\n"), text(loop.runUntilComplete(Collect.all(lines))));
    }

    @Test
    void cancellingTheConsumerLosesNoLine() {
        StreamReader reader = new StreamReader(64, loop);
        AsyncIterator<byte[]> lines = reader.lines();
        Task<List<Object>> consumer = Collect.all(lines);
        settle();
        consumer.cancel();
        settle();
        assertTrue(consumer.cancelled());
        reader.feedData(bytes("late\n"));
        reader.feedEof();
        assertEquals(List.of("late\n"), text(loop.runUntilComplete(Collect.all(lines))));
    }

    @Test
    void closingLinesCancelsTheReadInFlight() {
        StreamReader reader = new StreamReader(64, loop);
        AsyncIterator<byte[]> lines = reader.lines();
        Future<Boolean> asked = lines.hasNext();
        assertTrue(lines.close().done());
        assertFalse(loop.runUntilComplete(asked));
        reader.feedData(bytes("kept\n"));
        assertEquals("kept\n", new String(loop.runUntilComplete(reader.readline()), UTF_8),
                "the cancelled read took nothing");
    }

    @Test
    void queueItemsUntilShutDown() {
        Queue<Integer> queue = new Queue<>();
        queue.putNowait(1);
        queue.putNowait(2);
        Task<List<Object>> consumer = Collect.all(queue.items());
        settle();
        assertFalse(consumer.done(), "an empty queue that is not shut down has more to come");
        queue.putNowait(3);
        settle();
        queue.shutdown();
        assertEquals(List.of(1, 2, 3), loop.runUntilComplete(consumer));
    }

    @Test
    void queueItemsLeftAtShutdownAreStillHandedOutUnlessImmediate() {
        Queue<Integer> queue = new Queue<>();
        queue.putNowait(1);
        queue.shutdown();
        assertEquals(List.of(1), loop.runUntilComplete(Collect.all(queue.items())));
        Queue<Integer> dropped = new Queue<>();
        dropped.putNowait(1);
        dropped.shutdown(true);
        assertEquals(List.of(), loop.runUntilComplete(Collect.all(dropped.items())));
    }

    @Test
    void cancellingAQueueConsumerLosesNoItem() {
        Queue<String> queue = new Queue<>();
        AsyncIterator<String> items = queue.items();
        Task<List<Object>> consumer = Collect.all(items);
        settle();
        consumer.cancel();
        queue.putNowait("kept");
        settle();
        assertTrue(consumer.cancelled());
        queue.shutdown();
        assertEquals(List.of("kept"), loop.runUntilComplete(Collect.all(items)));
    }

    @Test
    void asCompletedHandsOutTheGivenFuturesInCompletionOrder() {
        Future<String> slow = AsyncIO.sleep(3, "slow");
        Future<String> fast = AsyncIO.sleep(1, "fast");
        Future<String> middle = AsyncIO.sleep(2, "middle");
        CompletionOrder<String> order = AsyncIO.asCompleted(List.of(slow, fast, middle));
        List<Object> handed = loop.runUntilComplete(Collect.all(order));
        assertEquals(3, handed.size());
        assertSame(fast, handed.get(0));
        assertSame(middle, handed.get(1));
        assertSame(slow, handed.get(2));
        assertEquals("fast", loop.runUntilComplete(order.get(0)), "the list side still holds the proxies");
    }

    @Test
    void asCompletedIterationFailsWithTimeoutOnceTheTimeoutPasses() {
        Future<String> fast = AsyncIO.sleep(1, "fast");
        Future<String> never = loop.createFuture();
        CompletionOrder<String> order = AsyncIO.asCompleted(List.of(fast, never), 2);
        assertEquals(List.of(fast), loop.runUntilComplete(Collect.collect(order, 1)));
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(Collect.all(order)));
        assertFalse(never.done(), "as in asyncio, the given futures are left running");
    }
}
