package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loops, switches and labelled jumps across suspension points. */
class ControlFlowTest {

    static final String SOURCE = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;
            import java.util.*;

            public class Flow {
                enum Color { RED, GREEN, BLUE }

                @Async public static Task<Long> doneLoop(int n) {
                    long sum = 0;
                    Future<Integer> one = Later.done(1);
                    for (int i = 0; i < n; i++) {
                        sum += await(one);
                    }
                    return Task.completed(sum);
                }

                @Async public static Task<Long> suspendingLoop(int n) {
                    long sum = 0;
                    for (int i = 0; i < n; i++) {
                        sum += await(sleep(0, i));
                    }
                    return Task.completed(sum);
                }

                @Async public static Task<String> switches(int n, String s, Color c) {
                    StringBuilder out = new StringBuilder();
                    switch (n) {
                        case 1: out.append(await(Later.value("one"))); break;
                        case 2: out.append("two");
                        case 3: out.append(await(Later.value("fall"))); break;
                        default: out.append("many");
                    }
                    switch (s) {
                        case "a" -> out.append(await(Later.value("-A")));
                        case "b" -> out.append("-B");
                        default -> out.append("-").append(await(Later.value(s.length())));
                    }
                    String color = switch (c) {
                        case RED -> await(Later.value("-red"));
                        case GREEN -> "-green";
                        case BLUE -> { String b = await(Later.value("-bl")); yield b + "ue"; }
                    };
                    return Task.completed(out.append(color).toString());
                }

                @Async public static Task<List<String>> labelled() {
                    List<String> log = new ArrayList<>();
                    outer:
                    for (int i = 0; i < 4; i++) {
                        inner:
                        for (int j = 0; j < 4; j++) {
                            int v = await(Later.value(i * 10 + j));
                            if (j == 2) continue outer;
                            if (i == 2) break outer;
                            if (v == 11) continue inner;
                            log.add(String.valueOf(v));
                        }
                    }
                    int k = 0;
                    do { k += await(Later.value(3)); } while (k < 10);
                    while (true) { if (await(Later.value(k++)) > 13) break; }
                    log.add("k=" + k);
                    return Task.completed(log);
                }
            }
            """;

    static Fixtures fx;

    @BeforeAll
    static void compile() {
        fx = Fixtures.compile("Flow", SOURCE).load();
    }

    @Test
    void tenMillionAwaitsOfDoneFuturesRunInConstantStackAndHeap() {
        assertEquals(10_000_000L, (long) fx.run("fx.Flow", "doneLoop", 10_000_000));
    }

    @Test
    void aMillionRealSuspensionsRunInConstantStack() {
        long n = 1_000_000;
        assertEquals(n * (n - 1) / 2, (long) fx.run("fx.Flow", "suspendingLoop", (int) n));
    }

    @Test
    void switchesOnIntsStringsAndEnums() {
        Class<?> color = fx.type("fx.Flow$Color");
        Object[] colors = color.getEnumConstants();
        assertEquals("one-A-red", fx.run("fx.Flow", "switches", 1, "a", colors[0]));
        assertEquals("twofall-B-green", fx.run("fx.Flow", "switches", 2, "b", colors[1]));
        assertEquals("many-5-blue", fx.run("fx.Flow", "switches", 9, "hello", colors[2]));
    }

    @Test
    void labelledBreakAndContinue() {
        assertEquals(List.of("0", "1", "10", "k=15"), fx.run("fx.Flow", "labelled"));
    }
}
