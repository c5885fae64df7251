package org.jasyncio.internal;

import java.util.List;
import org.jasyncio.EventLoop;

/**
 * The layouts a suspended task keeps its values in: a coroutine with typed fields, {@code r0}, ...
 * for references and {@code i0}, ... for 32-bit words (a {@code long} or {@code double} takes two,
 * high word first), as Kotlin's state classes keep them. The compiler picks, per method, the
 * smallest one that fits every suspension point, so a task costs no more than its values: with
 * the coroutine's own fields ending on an 8-byte boundary, each layout adds exactly 8 or 16 bytes.
 * {@link Spilled} keeps what fits none of them in arrays. Not for user code: docs/coroutine-protocol.md.
 */
public final class Frames {
    /** In the order of {@link #make}; {@link Coroutine} itself keeps nothing. */
    private static final List<Class<?>> LAYOUTS = List.of(Coroutine.class, R2.class, R1I1.class, I2.class,
            R4.class, R3I1.class, R2I2.class, R1I3.class, I4.class, Spilled.class);

    private Frames() {
    }

    static int indexOf(Class<?> frame) {
        int index = LAYOUTS.indexOf(frame);
        if (index < 0) {
            throw new IllegalArgumentException(frame + " is not a coroutine frame; expected one of " + LAYOUTS);
        }
        return index;
    }

    /** A fresh task of {@code method}, in its layout. */
    static Coroutine<?> make(EventLoop loop, CoroutineMethod method) {
        return switch (method.frame) {
            case 0 -> new Coroutine<>(loop, method);
            case 1 -> new R2<>(loop, method);
            case 2 -> new R1I1<>(loop, method);
            case 3 -> new I2<>(loop, method);
            case 4 -> new R4<>(loop, method);
            case 5 -> new R3I1<>(loop, method);
            case 6 -> new R2I2<>(loop, method);
            case 7 -> new R1I3<>(loop, method);
            case 8 -> new I4<>(loop, method);
            default -> new Spilled<>(loop, method);
        };
    }

    /** @param <T> the result type */
    public static final class R2<T> extends Coroutine<T> {
        /** A kept reference. */
        public Object r0;
        /** A kept reference. */
        public Object r1;

        R2(EventLoop loop, CoroutineMethod method) {
            super(loop, method);
        }
    }

    /** @param <T> the result type */
    public static final class R1I1<T> extends Coroutine<T> {
        /** A kept reference. */
        public Object r0;
        /** A kept word. */
        public int i0;

        R1I1(EventLoop loop, CoroutineMethod method) {
            super(loop, method);
        }
    }

    /** @param <T> the result type */
    public static final class I2<T> extends Coroutine<T> {
        /** A kept word. */
        public int i0;
        /** A kept word. */
        public int i1;

        I2(EventLoop loop, CoroutineMethod method) {
            super(loop, method);
        }
    }

    /** @param <T> the result type */
    public static final class R4<T> extends Coroutine<T> {
        /** A kept reference. */
        public Object r0;
        /** A kept reference. */
        public Object r1;
        /** A kept reference. */
        public Object r2;
        /** A kept reference. */
        public Object r3;

        R4(EventLoop loop, CoroutineMethod method) {
            super(loop, method);
        }
    }

    /** @param <T> the result type */
    public static final class R3I1<T> extends Coroutine<T> {
        /** A kept reference. */
        public Object r0;
        /** A kept reference. */
        public Object r1;
        /** A kept reference. */
        public Object r2;
        /** A kept word. */
        public int i0;

        R3I1(EventLoop loop, CoroutineMethod method) {
            super(loop, method);
        }
    }

    /** @param <T> the result type */
    public static final class R2I2<T> extends Coroutine<T> {
        /** A kept reference. */
        public Object r0;
        /** A kept reference. */
        public Object r1;
        /** A kept word. */
        public int i0;
        /** A kept word. */
        public int i1;

        R2I2(EventLoop loop, CoroutineMethod method) {
            super(loop, method);
        }
    }

    /** @param <T> the result type */
    public static final class R1I3<T> extends Coroutine<T> {
        /** A kept reference. */
        public Object r0;
        /** A kept word. */
        public int i0;
        /** A kept word. */
        public int i1;
        /** A kept word. */
        public int i2;

        R1I3(EventLoop loop, CoroutineMethod method) {
            super(loop, method);
        }
    }

    /** @param <T> the result type */
    public static final class I4<T> extends Coroutine<T> {
        /** A kept word. */
        public int i0;
        /** A kept word. */
        public int i1;
        /** A kept word. */
        public int i2;
        /** A kept word. */
        public int i3;

        I4(EventLoop loop, CoroutineMethod method) {
            super(loop, method);
        }
    }

    /**
     * The layout of a method whose points keep more than four values: arrays, sized for the point that
     * keeps the most.
     *
     * @param <T> the result type
     */
    public static final class Spilled<T> extends Coroutine<T> {
        /** The kept references. */
        public final Object[] refs;
        /** The kept words. */
        public final int[] words;

        Spilled(EventLoop loop, CoroutineMethod method) {
            super(loop, method);
            this.refs = new Object[method.references];
            this.words = new int[method.words];
        }
    }
}
