package org.jasyncio.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;

/**
 * What the compiler would generate for an {@code @Async} method that awaits a sequence of stages,
 * written by hand once, so that the runtime's tests run bodies that await as user code awaits (with
 * the runtime's prompt cancellation), independently of the compiler. {@code tasks/Bodies},
 * {@link Steps} and {@code context/Script} build their bodies with it. The body, in source form:
 *
 * <pre>{@code
 * @Async static Task<Object> body() {                 // posing as `where`
 *     List<Object> values = new ArrayList<>();
 *     Object value = null;
 *     for (Stage stage : stages) {
 *         try {
 *             Object awaitable = stage.make.apply(value);
 *             value = awaitable == null ? null : await(awaitable);     // at stage.line
 *         } catch (Throwable t) {
 *             if (stage.onFailure == null) throw t;
 *             value = stage.onFailure.apply(t);
 *         } finally {
 *             stage.andFinally.run();
 *         }
 *         values.add(value);
 *     }
 *     return Task.completed(finish.apply(values));
 * }
 * }</pre>
 *
 * Build it with {@link #posingAs}, one {@link #await} per stage, and start it with {@link #returning}.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class AwaitingBody {

    /** What the body returns, made from every stage's value; may throw what the body then fails with. */
    @FunctionalInterface
    public interface Finish {
        Object apply(List<Object> values) throws Throwable;
    }

    private record Stage(int line, Function<Object, ?> make, Function<Throwable, ?> onFailure, Runnable andFinally) {
    }

    private static final Coroutine.Resumer RESUME = AwaitingBody::run$resume$0;

    private final String where;
    private final List<Stage> stages = new ArrayList<>();
    private Finish finish;

    private AwaitingBody(String where) {
        this.where = where;
    }

    /**
     * A body whose frames, task descriptions and dumps name the method {@code where}.
     *
     * @param where the method it poses as, as a frame prints it: {@code "pkg.Owner.method(Owner.java)"}
     */
    public static AwaitingBody posingAs(String where) {
        return new AwaitingBody(where);
    }

    /**
     * A stage: {@code make} gets the previous stage's value ({@code null} first) and returns what
     * to await at {@code line}, or {@code null} to await nothing (the stage's value is then null).
     */
    public AwaitingBody await(int line, Function<Object, ?> make) {
        return await(line, make, null);
    }

    /** As {@link #await(int, Function)}; what the stage throws is given to {@code onFailure}, whose result is the stage's value. */
    public AwaitingBody await(int line, Function<Object, ?> make, Function<Throwable, ?> onFailure) {
        stages.add(new Stage(line, make, onFailure, null));
        return this;
    }

    /** Runs {@code action} after the last stage added, whether it succeeded or failed, as a {@code finally}. */
    public AwaitingBody andFinally(Runnable action) {
        Stage last = stages.remove(stages.size() - 1);
        stages.add(new Stage(last.line(), last.make(), last.onFailure(), action));
        return this;
    }

    /**
     * Calls the body, as user code calls an {@code @Async} method: it runs up to its first
     * suspension, or is started on the loop's next iteration when calls do not run eagerly.
     *
     * @param finish makes the body's result from the stages' values
     * @return the body's task
     */
    public <T> Task<T> returning(Finish finish) {
        this.finish = finish;
        return run$async(this, null);
    }

    /** {@link #returning} the last stage's value. */
    public <T> Task<T> returningLast() {
        return returning(values -> values.isEmpty() ? null : values.get(values.size() - 1));
    }

    /** The bridge, named as the compiler names it, so that async stack traces cut the loop's frames here. */
    private static Task run$resume$0(Coroutine co) {
        return run$async(null, co);
    }

    private static Task run$async(AwaitingBody body, Coroutine co) {
        try {
            List<Object> values;
            int i;
            boolean resuming = false;
            if (co == null) {
                if (!Coroutine.runsEagerly()) {
                    co = body.coroutine();
                    HandWritten.slots(co)[0] = body;
                    co.startSoon();
                    return co;
                }
                values = new ArrayList<>();
                i = 0;
            } else if (co.state == 0) {
                body = (AwaitingBody) HandWritten.slots(co)[0];
                values = new ArrayList<>();
                i = 0;
            } else {
                body = (AwaitingBody) HandWritten.slots(co)[0];
                values = (List<Object>) HandWritten.slots(co)[1];
                i = (int) HandWritten.slots(co)[2];
                resuming = true;
            }
            for (; i < body.stages.size(); i++) {
                Stage stage = body.stages.get(i);
                Object value;
                try {
                    if (resuming) {
                        resuming = false;
                        value = co.resumeValue();
                    } else {
                        Object awaitable = stage.make().apply(values.isEmpty() ? null : values.get(values.size() - 1));
                        if (awaitable == null) {
                            value = null;
                        } else if (Coroutine.isDone(awaitable)) {
                            value = Coroutine.resultOf(awaitable);
                        } else {
                            if (co == null) {
                                co = body.coroutine();
                            }
                            HandWritten.slots(co)[0] = body;
                            HandWritten.slots(co)[1] = values;
                            HandWritten.slots(co)[2] = i;
                            co.suspendOn(awaitable, i + 1);
                            return co;
                        }
                    }
                } catch (Throwable t) {
                    if (stage.onFailure() == null) {
                        runFinally(stage);
                        throw t;
                    }
                    try {
                        value = stage.onFailure().apply(t);
                    } finally {
                        runFinally(stage);
                    }
                    values.add(value);
                    continue;
                }
                runFinally(stage);
                values.add(value);
            }
            return Coroutine.complete(Task.completed(body.finish.apply(values)), co, 0);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }

    /** The body's coroutine: it keeps the body, the values so far and the stage's index; state i + 1 is stage i's await. */
    private Coroutine<?> coroutine() {
        return HandWritten.create(RESUME, 3, where, stages.stream().mapToInt(Stage::line).toArray());
    }

    private static void runFinally(Stage stage) {
        if (stage.andFinally() != null) {
            stage.andFinally().run();
        }
    }
}
