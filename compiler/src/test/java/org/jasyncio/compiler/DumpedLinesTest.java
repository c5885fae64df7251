package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code loop.dumpTasks()} shows the line each suspended method is really at: the line of its
 * {@code await} as a debugger shows it, also where the {@code await} is on a continuation line of
 * its statement, in a loop, or in a {@code finally} block.
 */
class DumpedLinesTest {

    private static final String SOURCE = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;
            public final class Dumped {
                @Async
                static Task<Integer> inner(Future<Integer> gate) {
                    int total = 0;
                    for (int i = 0; i < 2; i++) {
                        total += Math.max(i,
                                await(i == 0 ? Later.value(1) : gate));   // INNER
                    }
                    return Task.completed(total);
                }

                @Async
                static Task<Integer> outer(Future<Integer> gate) {
                    try {
                        return Task.completed(0);
                    } finally {
                        await(inner(gate));   // OUTER
                    }
                }

                @Async
                static Task<String> dump() {
                    Future<Integer> gate = new Future<>();
                    Task<Integer> task = createTask(() -> outer(gate));
                    for (int i = 0; i < 3; i++) {
                        await(sleep(0));
                    }
                    String dump = getRunningLoop().dumpTasks();
                    gate.setResult(5);
                    await(task);
                    return Task.completed(dump);
                }
            }
            """;

    @Test
    void aSuspendedTaskShowsTheLinesOfItsAwaits() {
        String dump = Fixtures.compile("Dumped", SOURCE).load().run("fx.Dumped", "dump");
        String stack = "    at " + frame("inner", "INNER") + "\n    at " + frame("outer", "OUTER") + "\n";
        assertTrue(dump.contains(stack), dump);
    }

    private static String frame(String method, String marker) {
        List<String> lines = SOURCE.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// " + marker)) {
                return new StackTraceElement("fx.Dumped", method, "Dumped.java", i + 1).toString();
            }
        }
        throw new AssertionError(marker);
    }
}
