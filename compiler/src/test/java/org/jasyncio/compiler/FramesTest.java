package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;
import org.jasyncio.internal.Frames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The frame a suspended task keeps its values in (docs/coroutine-protocol.md, "Frames"): the smallest
 * layout with room for what the method's awaits keep, and every value back intact on resumption,
 * whichever layout holds it and however a wide value is split into words.
 */
class FramesTest {

    static final String SOURCE = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;

            public class Kept {
                final String name;

                public Kept(String name) { this.name = name; }

                @Async public static Task<Integer> nothing(Future<Integer> gate) {
                    return Task.completed(await(gate));
                }

                @Async public static Task<Integer> twoInts(Future<Integer> gate, int a, int b) {
                    int sum = a + b;
                    int product = a * b;
                    int value = await(gate);
                    return Task.completed(sum * 1000 + product + value);
                }

                @Async public static Task<String> wide(Future<Integer> gate, long l, double d) {
                    int value = await(gate);
                    return Task.completed(l + "," + Double.doubleToRawLongBits(d) + "," + value);
                }

                @Async public static Task<String> mixed(Future<Integer> gate, String s, float f) {
                    int value = await(gate);
                    return Task.completed(s + "," + Float.floatToRawIntBits(f) + "," + value);
                }

                @Async public Task<String> receiverOnly(Future<Integer> gate) {
                    return Task.completed(name + await(gate));
                }

                @Async public static Task<String> many(Future<Integer> gate, String a, String b, int c, long d, double e) {
                    int value = await(gate);
                    return Task.completed(a + b + c + "," + d + "," + e + "," + value);
                }

                @Async public static Task<String> startsLater(int i, long l, float f, double d, boolean z, char c, String s) {
                    return Task.completed(i + "," + l + "," + f + "," + d + "," + z + "," + c + "," + s);
                }
            }
            """;

    static Fixtures fx;

    @BeforeAll
    static void compile() {
        fx = Fixtures.compile("Kept", SOURCE).load();
    }

    @Test
    void aTaskThatKeepsNothingIsAPlainCoroutine() {
        assertEquals(List.of(Coroutine.class, 5), suspendAndResume("nothing"));
    }

    @Test
    void twoIntsTakeTwoWords() {
        assertEquals(List.of(Frames.I2.class, 13047), suspendAndResume("twoInts", 6, 7));
    }

    @Test
    void aLongAndADoubleAreSplitIntoWordsAndJoinedBackBitForBit() {
        long negative = -2L;
        long lowWordHighBit = (1L << 40) | 0x8000_0001L;
        double nanWithPayload = Double.longBitsToDouble(0x7ff8_0000_8000_0001L);
        assertEquals(List.of(Frames.I4.class, negative + "," + 0x7ff8_0000_8000_0001L + ",5"),
                suspendAndResume("wide", negative, nanWithPayload));
        assertEquals(List.of(Frames.I4.class, lowWordHighBit + "," + Double.doubleToRawLongBits(-0.0) + ",5"),
                suspendAndResume("wide", lowWordHighBit, -0.0));
    }

    @Test
    void aReferenceAndAFloatShareTheSmallestMixedLayout() {
        float negativeNan = Float.intBitsToFloat(0xffc0_0001);
        assertEquals(List.of(Frames.R1I1.class, "s," + 0xffc0_0001 + ",5"), suspendAndResume("mixed", "s", negativeNan));
    }

    @Test
    void anInstanceMethodKeepsItsReceiverForTheBridge() throws Exception {
        Object kept = fx.type("fx.Kept").getConstructor(String.class).newInstance("ann");
        List<Object> seen = new ArrayList<>();
        String result = AsyncIO.run(() -> {
            Future<Integer> gate = new Future<>();
            Task<String> task = invoke(kept, gate);
            seen.add(task.getClass());
            AsyncIO.getRunningLoop().callSoon(() -> gate.setResult(5));
            return task;
        });
        assertEquals(List.of(Frames.R2.class), seen);
        assertEquals("ann5", result);
    }

    @Test
    void moreValuesThanAnyFieldLayoutHoldsGoToArrays() {
        assertEquals(List.of(Frames.Spilled.class, "xy3,-9,0.5,5"), suspendAndResume("many", "x", "y", 3, -9L, 0.5));
    }

    @Test
    void aCallThatStartsLaterGetsEveryArgumentBackFromItsParkedBoxes() {
        EventLoop loop = AsyncIO.newEventLoop();
        try {
            AsyncIO.setEventLoop(loop);
            @SuppressWarnings("unchecked")
            Task<String> task = (Task<String>) fx.call("fx.Kept", "startsLater", -1, Long.MIN_VALUE, -0.5f, 1e300,
                    true, 'z', "s");
            assertSame(Coroutine.class, task.getClass(), "no frame: nothing is kept across an await");
            assertEquals("-1," + Long.MIN_VALUE + ",-0.5,1.0E300,true,z,s", loop.runUntilComplete(task));
        } finally {
            AsyncIO.setEventLoop(null);
            loop.close();
        }
    }

    /** Runs a static method of the fixture that suspends on a gate; returns the task's class and its result. */
    private static List<Object> suspendAndResume(String method, Object... rest) {
        List<Object> seen = new ArrayList<>();
        Object result = AsyncIO.run(() -> {
            Future<Integer> gate = new Future<>();
            Object[] args = new Object[rest.length + 1];
            args[0] = gate;
            System.arraycopy(rest, 0, args, 1, rest.length);
            @SuppressWarnings("unchecked")
            Task<Object> task = (Task<Object>) fx.call("fx.Kept", method, args);
            seen.add(task.getClass());
            AsyncIO.getRunningLoop().callSoon(() -> gate.setResult(5));
            return task;
        });
        seen.add(result);
        return seen;
    }

    @SuppressWarnings("unchecked")
    private static Task<String> invoke(Object kept, Future<Integer> gate) {
        try {
            return (Task<String>) kept.getClass().getMethod("receiverOnly", Future.class).invoke(kept, gate);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
