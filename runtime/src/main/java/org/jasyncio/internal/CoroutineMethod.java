package org.jasyncio.internal;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import org.jasyncio.Task;

/**
 * What every task of one {@code @Async} method shares, made once per method so that a task holds
 * one reference to it: the bridge that resumes the body, the method's name and file, the source line
 * of each suspension point, and the {@link Frames frame} its tasks keep their values in. Not for user
 * code: the compiler binds one per method through {@link #bootstrap}, as docs/coroutine-protocol.md
 * specifies.
 */
public final class CoroutineMethod {
    private static final MethodType RESUME = MethodType.methodType(Task.class, Coroutine.class);
    private static final MethodType RESUMER = MethodType.methodType(Coroutine.Resumer.class);

    final Coroutine.Resumer resumer;
    /** The method, as "pkg.Class.method(File.java)", for reprs and reports. */
    final String where;
    /** The source line of suspension point {@code state}; 0 where unknown. */
    private final int[] lines;
    /** Which of {@link Frames}'s layouts the tasks have. */
    final int frame;
    /** For the {@link Frames.Spilled} layout: how many references and 32-bit words it keeps. */
    final int references;
    final int words;

    CoroutineMethod(Coroutine.Resumer resumer, String where, int[] lines, Class<?> frame, int references,
            int words) {
        this.resumer = resumer;
        this.where = where;
        this.lines = lines;
        this.frame = Frames.indexOf(frame);
        this.references = references;
        this.words = words;
    }

    /**
     * A method's description, for a body written by hand (the runtime's own tests); compiled code
     * binds one through {@link #bootstrap}.
     *
     * @param resumer the bridge that resumes the body
     * @param where the method, as "pkg.Class.method(File.java)"
     * @param lines the source line of each suspension point, by state (index 0: the start)
     * @param frame a class of {@link Frames}, or {@link Coroutine} itself when nothing is kept
     * @param references for {@link Frames.Spilled}: the size of its reference array, else 0
     * @param words for {@link Frames.Spilled}: the size of its word array, else 0
     * @return the description its tasks share
     * @throws IllegalArgumentException if {@code frame} is not one of the frames
     */
    public static CoroutineMethod of(Coroutine.Resumer resumer, String where, int[] lines, Class<?> frame,
            int references, int words) {
        return new CoroutineMethod(resumer, where, lines.clone(), frame, references, words);
    }

    /**
     * The {@code invokedynamic} bootstrap of the compiler's {@code describe} call sites: binds the
     * method's resume bridge to a {@link Coroutine.Resumer} and makes the constant description.
     *
     * @param caller the rewritten class's lookup
     * @param name the call site's name (unused)
     * @param type {@code ()CoroutineMethod}
     * @param bridge the static resume bridge, {@code (Coroutine)Task}
     * @param where the method, as "pkg.Class.method(File.java)"
     * @param lines the source line of each suspension point by state, comma-separated (state 0 first)
     * @param frame a class of {@link Frames}, or {@link Coroutine} itself when nothing is kept
     * @param references for {@link Frames.Spilled}: the size of its reference array, else 0
     * @param words for {@link Frames.Spilled}: the size of its word array, else 0
     * @return a constant call site
     * @throws LambdaConversionException if the bridge cannot be bound
     */
    public static CallSite bootstrap(MethodHandles.Lookup caller, String name, MethodType type, MethodHandle bridge,
            String where, String lines, Class<?> frame, int references, int words) throws LambdaConversionException {
        Coroutine.Resumer resumer;
        try {
            resumer = (Coroutine.Resumer) LambdaMetafactory.metafactory(caller, "resume", RESUMER, RESUME, bridge, RESUME)
                    .getTarget().invoke();
        } catch (LambdaConversionException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot bind the resume bridge of " + where, e);
        }
        int[] byState = lines.isEmpty() ? new int[0] : Arrays.stream(lines.split(",")).mapToInt(Integer::parseInt).toArray();
        return new ConstantCallSite(MethodHandles.constant(CoroutineMethod.class,
                new CoroutineMethod(resumer, where, byState, frame, references, words)));
    }

    /** The line of the suspension point {@code state}; 0 if unknown. */
    int line(int state) {
        return state >= 0 && state < lines.length ? lines[state] : 0;
    }
}
