package org.jasyncio.testing;

import org.jasyncio.internal.Coroutine;
import org.jasyncio.internal.CoroutineMethod;
import org.jasyncio.internal.Frames;

/**
 * How the runtime tests' hand-written bodies (what the compiler would generate) make their coroutines:
 * in the array frame, primitives boxed, since they test the protocol's steps and not the layouts
 * (the compiler's tests and the footprint benchmark cover those).
 */
public final class HandWritten {

    private HandWritten() {
    }

    /**
     * {@code Coroutine.create} for a hand-written body.
     *
     * @param resumer the body's bridge
     * @param slots how many values the body keeps
     * @param where the method, as "pkg.Class.method(File.java)"
     * @param lines the source line of suspension points 1, 2, ...
     * @return a pending coroutine in state 0
     */
    public static Coroutine<?> create(Coroutine.Resumer resumer, int slots, String where, int... lines) {
        int[] byState = new int[lines.length + 1];
        System.arraycopy(lines, 0, byState, 1, lines.length);
        return Coroutine.create(CoroutineMethod.of(resumer, where, byState, Frames.Spilled.class, slots, 0));
    }

    /**
     * The values a hand-written body keeps.
     *
     * @param co a coroutine from {@link #create}
     * @return its slots, to read and write
     */
    public static Object[] slots(Coroutine<?> co) {
        return ((Frames.Spilled<?>) co).refs;
    }
}
