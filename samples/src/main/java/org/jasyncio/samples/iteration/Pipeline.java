package org.jasyncio.samples.iteration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.emit;

import java.util.Map;
import java.util.function.Predicate;
import org.jasyncio.Async;
import org.jasyncio.AsyncIterator;

/**
 * The stages of {@link LogTail}'s pipeline, each an async generator (an {@code @Async} method
 * returning {@code AsyncIterator}) over the stage before it. A stage runs only when the next one
 * asks it for an element, and closes its source in a {@code finally}, so closing the last stage
 * closes them all (asyncio's {@code aclosing}).
 */
final class Pipeline {

    private Pipeline() {
    }

    /** The lines as text, without their line ends. */
    @Async
    static AsyncIterator<String> decoded(AsyncIterator<byte[]> lines) {
        try {
            while (await(lines.hasNext())) {
                await(emit(new String(lines.next(), UTF_8).stripTrailing()));
            }
        } finally {
            await(lines.close());
        }
        return AsyncIterator.end();
    }

    /** Passes every line through, counting the lines per level (the second word of a line) in {@code counts}. */
    @Async
    static AsyncIterator<String> counted(AsyncIterator<String> lines, Map<String, Integer> counts) {
        try {
            while (await(lines.hasNext())) {
                String line = lines.next();
                counts.merge(level(line), 1, Integer::sum);
                await(emit(line));
            }
        } finally {
            await(lines.close());
        }
        return AsyncIterator.end();
    }

    /** The lines that {@code test} accepts. */
    @Async
    static AsyncIterator<String> matching(AsyncIterator<String> lines, Predicate<String> test) {
        try {
            while (await(lines.hasNext())) {
                String line = lines.next();
                if (test.test(line)) {
                    await(emit(line));
                }
            }
        } finally {
            await(lines.close());
        }
        return AsyncIterator.end();
    }

    /** The first {@code n} lines; then it closes its source, which stops reading. */
    @Async
    static AsyncIterator<String> first(AsyncIterator<String> lines, int n) {
        try {
            for (int i = 0; i < n && await(lines.hasNext()); i++) {
                await(emit(lines.next()));
            }
        } finally {
            await(lines.close());
        }
        return AsyncIterator.end();
    }

    /** The level of a line such as {@code "12:00:03 ERROR payment 17 failed"}. */
    static String level(String line) {
        String[] words = line.split(" ", 3);
        return words.length > 1 ? words[1] : "";
    }
}
