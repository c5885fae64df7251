package org.jasyncio.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jasyncio.AsyncIO;
import org.jasyncio.CancelledException;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.Result;
import org.jasyncio.fuzz.program.Feature;
import org.jasyncio.fuzz.program.Log;
import org.jasyncio.fuzz.program.Probe;
import org.jasyncio.fuzz.program.Schedule;
import org.jasyncio.testing.InMemoryJavac;

/**
 * Checks the programs of one compilation unit: compiles it, rewrites the async twins, loads
 * each program's classes (the JVM verifies them), and runs every program under every
 * {@link Schedule}: the references one after the other, the async twins all at once on one
 * loop, so that their suspensions interleave. Each async trace must equal its reference, line by
 * line but for {@link KnownDivergence known divergences}. A trace ends with the program's outcome;
 * a failure shows its suppressed exceptions and its frames in the program's classes, and a done
 * callback of the program's task that finds a task current says so instead.
 */
final class Differential {

    /**
     * How long the async twins of a unit of several programs may take under one schedule before
     * the unfinished ones run again alone, and how long one program may take alone before it
     * counts as hung. Wall-clock time: on a loaded machine a niced JVM gets little of it.
     */
    static final Timeouts TIMEOUTS = new Timeouts(20, 120);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int ENTRY_DEPTH = 2;

    /** Wall-clock limits, in seconds: for a unit's programs together, and for one program alone. */
    record Timeouts(long together, long alone) {
    }

    private Differential() {
    }

    /** One verdict per program, in order. */
    static List<Verdict> check(String source, List<String> programs, long planSeed) {
        return check(source, programs, planSeed, TIMEOUTS);
    }

    /** One verdict per program, in order, with these limits. */
    static List<Verdict> check(String source, List<String> programs, long planSeed, Timeouts timeouts) {
        Map<String, byte[]> classes;
        try {
            classes = ProgramJavac.compileUnit(source);
        } catch (InMemoryJavac.CompileException invalid) {
            return programs.stream().map(p -> new Verdict(p, Verdict.Kind.INVALID, invalid.getMessage())).toList();
        }
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        Map<String, byte[]> loadable = new HashMap<>(classes);
        AsyncCompiler compiler = new AsyncCompiler(name -> classBytes(classes, name));
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            Result result = compiler.rewrite(entry.getValue());
            List<Diagnostic> errors = result.diagnostics().stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR)
                    .toList();
            if (!errors.isEmpty() && errors.stream().allMatch(d -> d.message().contains("64 KiB"))) {
                // A refusal by design, with the diagnostic the contract asks for: too big to fuzz.
                verdicts.put(programOf(entry.getKey()), new Verdict(programOf(entry.getKey()), Verdict.Kind.INVALID,
                        "too large to rewrite: " + errors));
            } else if (!errors.isEmpty()) {
                verdicts.put(programOf(entry.getKey()), new Verdict(programOf(entry.getKey()), Verdict.Kind.CRASH,
                        "compiler refused: " + errors));
            }
            loadable.put(entry.getKey(), result.bytes());
        }
        ClassLoader loader = new ClassLoader("fuzz", Differential.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = loadable.get(name.replace('.', '/'));
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        Method[] start;
        try {
            Class<?> entry = Class.forName(ProgramJavac.ENTRY, true, loader);
            start = new Method[] {entry.getMethod("async", Callable.class), entry.getMethod("sync", Callable.class)};
        } catch (LinkageError | ReflectiveOperationException refused) {
            Verdict.Kind kind = refused instanceof LinkageError ? Verdict.Kind.VERIFY_ERROR : Verdict.Kind.CRASH;
            return programs.stream().map(p -> new Verdict(p, kind, ProgramJavac.ENTRY + ": " + refused)).toList();
        }
        Map<String, Method[]> entries = new LinkedHashMap<>();
        for (String program : programs) {
            if (verdicts.containsKey(program)) {
                continue;
            }
            try {
                Method async = entry(Class.forName(Unit.ASYNC + "$" + program, true, loader));
                Method sync = entry(Class.forName(Unit.SYNC + "$" + program, true, loader));
                // Nested classes (the generic class H) are verified now, not when a run first needs them.
                for (String nested : classes.keySet()) {
                    if (programOf(nested).equals(program) && nested.indexOf('$') != nested.lastIndexOf('$')) {
                        Class.forName(nested.replace('/', '.'), true, loader);
                    }
                }
                entries.put(program, new Method[] {async, sync});
            } catch (LinkageError refused) {
                verdicts.put(program, new Verdict(program, Verdict.Kind.VERIFY_ERROR, refused.toString()));
            } catch (ReflectiveOperationException | RuntimeException broken) {
                verdicts.put(program, new Verdict(program, Verdict.Kind.CRASH, broken.toString()));
            }
        }
        Map<String, Set<Feature>> reached = new HashMap<>();
        Map<String, Set<KnownDivergence>> known = new HashMap<>();
        Map<String, String> examples = new HashMap<>();
        Map<String, String> slow = new HashMap<>();
        Set<Integer> handOvers = KnownDivergence.handOvers(source);
        for (Schedule schedule : Schedule.values()) {
            if (entries.isEmpty()) {
                break;
            }
            Map<String, String> expected = new LinkedHashMap<>();
            entries.forEach((program, methods) -> expected.put(program,
                    reference(start[1], methods[1], new Log(schedule, decisions(planSeed, program)))));
            Map<String, Log> logs = new HashMap<>();
            entries.keySet().forEach(program -> logs.put(program, new Log(schedule, decisions(planSeed, program))));
            boolean single = entries.size() == 1;
            Run together = concurrently(start[0], entries, logs, single ? timeouts.alone() : timeouts.together());
            Map<String, String> actual = new HashMap<>(together.traces());
            // A timeout among other programs on a starved machine, or a loop some program broke, is no
            // verdict yet: each program concerned, alone and given longer, tells a slow program from a
            // hang and shows whose error broke the loop (all are suspects: it may have left a trace).
            for (String program : together.failure() == null ? together.unfinished() : List.copyOf(entries.keySet())) {
                Run alone = together;
                if (!single) {
                    Log log = new Log(schedule, decisions(planSeed, program));
                    logs.put(program, log);
                    alone = concurrently(start[0], Map.of(program, entries.get(program)), Map.of(program, log),
                            timeouts.alone());
                }
                String both = schedule + ": " + (single ? "" : "with its unit, " + together + "; alone, ") + alone;
                if (alone.unfinished().isEmpty() && alone.failure() == null) {
                    if (!together.traces().containsKey(program)) {
                        actual.put(program, alone.traces().get(program));
                        slow.putIfAbsent(program, both);
                    }
                } else {
                    verdicts.put(program, new Verdict(program, alone.failure() == null ? Verdict.Kind.HANG
                            : Verdict.Kind.CRASH, both));
                    entries.remove(program);
                    logs.remove(program);
                }
            }
            logs.forEach((program, log) -> reached.computeIfAbsent(program, p -> EnumSet.noneOf(Feature.class))
                    .addAll(log.reached()));
            for (String program : List.copyOf(entries.keySet())) {
                String want = expected.get(program);
                String got = actual.get(program);
                if (want.equals(got)) {
                    continue;
                }
                Set<KnownDivergence> found = EnumSet.noneOf(KnownDivergence.class);
                String difference = firstDifference(want, got, handOvers, found);
                if (difference != null) {
                    verdicts.put(program, new Verdict(program, Verdict.Kind.DIVERGENCE, schedule + ": " + difference));
                    entries.remove(program);
                } else if (known.putIfAbsent(program, found) == null) {
                    examples.put(program, schedule + ": " + found + " first as " + firstDifference(want, got, handOvers, null));
                } else {
                    known.get(program).addAll(found);
                }
            }
        }
        List<Verdict> result = new ArrayList<>();
        for (String program : programs) {
            Verdict verdict = verdicts.getOrDefault(program, slow.containsKey(program)
                    ? new Verdict(program, Verdict.Kind.SLOW, slow.get(program))
                    : known.containsKey(program)
                    ? new Verdict(program, Verdict.Kind.KNOWN_DIVERGENCE, examples.get(program))
                    : new Verdict(program, Verdict.Kind.PASS, ""));
            Set<KnownDivergence> shown = EnumSet.noneOf(KnownDivergence.class);
            shown.addAll(verdict.known());
            shown.addAll(known.getOrDefault(program, Set.of()));
            result.add(new Verdict(program, verdict.kind(), verdict.detail(), reached.getOrDefault(program, Set.of()),
                    shown));
        }
        return result;
    }

    /** fz/A$P3 and fz/A$P3$H both belong to P3. */
    private static String programOf(String internalName) {
        int dollar = internalName.indexOf('$');
        if (dollar < 0) {
            return internalName;
        }
        int nested = internalName.indexOf('$', dollar + 1);
        return internalName.substring(dollar + 1, nested < 0 ? internalName.length() : nested);
    }

    private static Method entry(Class<?> program) throws NoSuchMethodException {
        Method m0 = program.getDeclaredMethod("m0", Log.class, int.class);
        m0.setAccessible(true);
        return m0;
    }

    /**
     * The seed of a program's {@link Log} decisions. Await sites are numbered from 0 in every
     * program, so with the plan seed alone all programs of a campaign would share one table of
     * outcomes (if site 0's first evaluation were cancelled, so would every program's be).
     */
    static long decisions(long planSeed, String program) {
        return planSeed ^ program.hashCode() * 0x9E3779B97F4A7C15L;
    }

    private static String reference(Method sync, Method m0, Log log) {
        String outcome;
        try {
            outcome = "return " + show(sync.invoke(null, program(m0, log)));
        } catch (InvocationTargetException thrown) {
            outcome = thrown.getCause() instanceof CancelledException cancelled ? cancelled(cancelled)
                    : "throw " + show(thrown.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return trace(log, outcome);
    }

    /** The call of a program's entry {@code m0}, for {@code fz.Entry}: throws what {@code m0} throws. */
    private static <T> Callable<T> program(Method m0, Log log) {
        return () -> {
            try {
                @SuppressWarnings("unchecked")
                T started = (T) m0.invoke(null, log, ENTRY_DEPTH);
                return started;
            } catch (InvocationTargetException thrown) {
                throw sneakyThrow(thrown.getCause());
            }
        };
    }

    /**
     * What one run of async twins on a loop of their own showed.
     *
     * @param traces     the trace of every program that ended
     * @param unfinished the programs that did not end (in time, or before the loop failed)
     * @param failure    what ended the loop outside the programs (a {@code VirtualMachineError} a
     *                   program threw leaves the loop), or {@code null}
     * @param seconds    the wall-clock time the run took, or waited for before it was stopped
     * @param cpuSeconds the CPU time its loop thread used meanwhile: far less than {@code seconds}
     *                   when the loop idled (a hang) or the machine starved it (no hang)
     * @param at         for a run stopped at the deadline, the frame its loop thread was in: waiting
     *                   in the selector (idle: nothing ready, so a hang unless a completer thread or a
     *                   real-time timer was still due) or running code (busy: slow or starved)
     */
    private record Run(Map<String, String> traces, List<String> unfinished, Throwable failure, double seconds,
                       double cpuSeconds, StackTraceElement at) {
        @Override
        public String toString() {
            String cpu = String.format(" (its loop thread used %.2f s of CPU%s)", cpuSeconds,
                    at == null ? "" : " and was in " + at.getClassName() + "." + at.getMethodName());
            if (failure != null) {
                return "the loop failed outside the programs after " + String.format("%.1f s", seconds) + cpu + ": "
                        + failure;
            }
            return (unfinished.isEmpty() ? "all ended in " : "no result after ") + String.format("%.1f s", seconds) + cpu
                    + (unfinished.isEmpty() ? "" : "; unfinished: " + unfinished);
        }
    }

    /**
     * Runs every async twin on one new loop, on a thread of its own so that a hang can be
     * detected and stopped after {@code timeoutSeconds}. Half start as a task made by
     * {@code createTask} (the program's entry then runs at once, inside that task's first step),
     * half as the task of an {@code @Async} call made before the loop runs (its body starts on the
     * loop's first iteration).
     */
    private static Run concurrently(Method async, Map<String, Method[]> entries, Map<String, Log> logs,
                                    long timeoutSeconds) {
        EventLoop loop = AsyncIO.newEventLoop();
        Map<String, String> traces = new HashMap<>();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        long[] cpuNanos = {0};
        Thread runner = new Thread(() -> {
            try {
                AsyncIO.setEventLoop(loop);
                List<Future<Void>> all = new ArrayList<>();
                int index = 0;
                for (Map.Entry<String, Method[]> entry : entries.entrySet()) {
                    Log log = logs.get(entry.getKey());
                    Future<Void> done = loop.createFuture();
                    all.add(done);
                    Callable<Task<?>> program = program(entry.getValue()[0], log);
                    Task<?> task = index++ % 2 == 0 ? loop.createTask(() -> start(async, program))
                            : start(async, program);
                    log.root(task);
                    task.addDoneCallback(ended -> record(traces, entry.getKey(), trace(log, outcome(ended, log)), done));
                }
                loop.runUntilComplete(AsyncIO.gather(all));
                finished.complete(null);
            } catch (Throwable failed) {
                finished.completeExceptionally(failed);
            } finally {
                cpuNanos[0] = CPU.getCurrentThreadCpuTime();
                loop.close();
                AsyncIO.setEventLoop(null);
            }
        }, "fuzz-loop");
        runner.setDaemon(true);
        long started = System.nanoTime();
        runner.start();
        Throwable failure = null;
        try {
            finished.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException hung) {
            long cpu = CPU.getThreadCpuTime(runner.getId());
            StackTraceElement[] stack = runner.getStackTrace();
            if (stopped(loop)) {
                return ended(traces, entries.keySet(), null, started, cpu, stack.length == 0 ? null : stack[0]);
            }
            // else the run ended between the deadline and the stop: no hang, its traces stand
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        try {
            runner.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return ended(traces, entries.keySet(), failure, started, cpuNanos[0], null);
    }

    private static Run ended(Map<String, String> traces, Set<String> programs, Throwable failure, long started,
                             long cpuNanos, StackTraceElement at) {
        synchronized (traces) {
            List<String> unfinished = programs.stream().filter(program -> !traces.containsKey(program)).toList();
            return new Run(new HashMap<>(traces), unfinished, failure, (System.nanoTime() - started) / 1e9,
                    Math.max(0, cpuNanos) / 1e9, at);
        }
    }

    /**
     * Stops a loop that ran past the deadline, unless it has closed since: its run ended (the
     * runner closes the loop once it has), which a loaded machine makes likelier.
     *
     * @return whether the loop was still open, so that the run really hung
     */
    private static boolean stopped(EventLoop loop) {
        try {
            loop.callSoonThreadsafe(loop::stop);
            return true;
        } catch (IllegalStateException closed) {
            return false;
        }
    }

    /** {@code fz.Entry.async(program)}: the task awaiting the program. */
    private static Task<Object> start(Method async, Callable<Task<?>> program) {
        try {
            @SuppressWarnings("unchecked")
            Task<Object> task = (Task<Object>) async.invoke(null, program);
            return task;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("fz.Entry.async cannot be called", e);
        }
    }

    /** How the program's task ended, and, if a task is current in its done callback, that too. */
    private static String outcome(Future<?> finished, Log log) {
        String problem = Probe.outsideTasks();
        return problem != null ? problem : ending(finished, log);
    }

    private static String ending(Future<?> finished, Log log) {
        Throwable failure;
        try {
            failure = finished.exception();
        } catch (CancelledException cancelled) {
            log.reached(Feature.CANCELLATION_ESCAPED);
            return cancelled(cancelled);
        }
        if (failure != null) {
            return "throw " + show(failure);
        }
        if (log.reached().contains(Feature.CANCELLED_AT_AWAIT)) {
            log.reached(Feature.CANCELLATION_SWALLOWED);
        }
        return "return " + show(finished.result());
    }

    /** How both twins show a program whose cancellation escaped: the reference threw it, the task ended cancelled. */
    private static String cancelled(CancelledException cancelled) {
        return "cancelled: " + cancelled.getMessage();
    }

    private static void record(Map<String, String> traces, String program, String trace, Future<Void> done) {
        synchronized (traces) {
            traces.put(program, trace);
        }
        done.setResult(null);
    }

    private static String trace(Log log, String outcome) {
        return String.join("\n", log.entries()) + "\n" + outcome;
    }

    private static String show(Object value) {
        return value instanceof int[] array ? Arrays.toString(array) : String.valueOf(value);
    }

    /** A failure, with its suppressed exceptions and its frames in the program's classes. */
    private static String show(Throwable thrown) {
        return thrown.getClass().getName() + ": " + thrown.getMessage() + " " + Probe.failure(thrown);
    }

    @SuppressWarnings("unchecked")
    private static <X extends Throwable> RuntimeException sneakyThrow(Throwable t) throws X {
        throw (X) t;
    }

    /**
     * The first line in which trace {@code got} differs from {@code want}, or {@code null} if every
     * line that differs does so in a known way (each added to {@code known}; with {@code known}
     * null, known differences count as any other).
     *
     * @param handOvers the unit's lines of returns of another call's task ({@link KnownDivergence#handOvers})
     */
    private static String firstDifference(String want, String got, Set<Integer> handOvers, Set<KnownDivergence> known) {
        if (got == null) {
            return "no trace";
        }
        String[] a = want.split("\n", -1);
        String[] b = got.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (x.equals(y)) {
                continue;
            }
            Optional<KnownDivergence> way = known == null ? Optional.empty() : KnownDivergence.of(x, y, handOvers);
            if (way.isEmpty()) {
                return "line " + (i + 1) + ": expected [" + x + "] but was [" + y + "]";
            }
            known.add(way.get());
        }
        return null;
    }

    private static byte[] classBytes(Map<String, byte[]> compiled, String internalName) {
        byte[] own = compiled.get(internalName);
        if (own != null) {
            return own;
        }
        try (InputStream in = Differential.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
