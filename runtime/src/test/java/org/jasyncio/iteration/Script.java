package org.jasyncio.iteration;

import java.util.Iterator;
import java.util.List;

import org.jasyncio.AsyncIO;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.internal.Coroutine;
import org.jasyncio.testing.HandWritten;

/**
 * An async generator's body as the compiler would rewrite it, by hand (runtime tests cannot use
 * the compiler), driven by a list of steps so that one body serves every scenario: a
 * {@link Future} step is awaited, a {@link Throwable} step is thrown, anything else is emitted.
 * <pre>{@code
 * @Async static Task<Void> script(Iterator<Object> steps, List<String> log) {
 *     try {
 *         while (steps.hasNext()) {
 *             Object step = steps.next();
 *             if (step instanceof Throwable t) throw t;
 *             if (step instanceof Future<?> f) log.add("awaited " + await(f));   // suspension 2
 *             else await(emit(step));                                            // suspension 1
 *         }
 *         log.add("end");
 *     } catch (Throwable t) { log.add("finally " + t.getClass().getSimpleName()); throw t; }
 *     log.add("finally");
 *     return Task.completed();
 * }
 * }</pre>
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class Script {
    private static final String WHERE = "org.jasyncio.iteration.Script.script(Script.java)";
    private static final Coroutine.Resumer SCRIPT = co -> script$async(null, null, co);

    private Script() {
    }

    /** @return the body's task, running over {@code steps} and logging to {@code log} */
    public static Task<Void> script(List<?> steps, List<String> log) {
        return script(steps.iterator(), log);
    }

    /** @return the body's task, running over {@code steps} (possibly endless) and logging to {@code log} */
    public static Task<Void> script(Iterator<?> steps, List<String> log) {
        return script$async(steps, log, null);
    }

    private static Task script$async(Iterator steps, List log, Coroutine co) {
        try {
            int resumeAt = 0;
            if (co == null) {
                if (!Coroutine.runsEagerly()) {
                    co = HandWritten.create(SCRIPT, 2, WHERE, 7, 7);
                    HandWritten.slots(co)[0] = steps;
                    HandWritten.slots(co)[1] = log;
                    co.startSoon();
                    return co;
                }
            } else {
                steps = (Iterator) HandWritten.slots(co)[0];
                log = (List) HandWritten.slots(co)[1];
                resumeAt = co.state;
            }
            try {
                while (true) {
                    if (resumeAt == 1) {
                        resumeAt = 0;
                        co.resumeValue();
                    } else if (resumeAt == 2) {
                        resumeAt = 0;
                        log.add("awaited " + co.resumeValue());
                    }
                    if (!steps.hasNext()) {
                        break;
                    }
                    Object step = steps.next();
                    if (step instanceof Throwable) {
                        throw (Throwable) step;
                    }
                    boolean awaiting = step instanceof Future;
                    Object awaited = awaiting ? step : AsyncIO.emit(step);
                    if (Coroutine.isDone(awaited)) {
                        Object value = Coroutine.resultOf(awaited);
                        if (awaiting) {
                            log.add("awaited " + value);
                        }
                    } else {
                        if (co == null) {
                            co = HandWritten.create(SCRIPT, 2, WHERE, 7, 7);
                        }
                        HandWritten.slots(co)[0] = steps;
                        HandWritten.slots(co)[1] = log;
                        co.suspendOn(awaited, awaiting ? 2 : 1);
                        return co;
                    }
                }
                log.add("end");
            } catch (Throwable t) {
                log.add("finally " + t.getClass().getSimpleName());
                throw t;
            }
            log.add("finally");
            return Coroutine.complete(Task.completed(), co, 0);
        } catch (Throwable t) {
            return Coroutine.fail(t, co);
        }
    }
}
