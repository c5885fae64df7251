package org.jasyncio.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
import org.jasyncio.fuzz.program.Schedule;
import org.jasyncio.testing.InMemoryJavac;

/**
 * Checks the programs of one compilation unit: compiles it, rewrites the async twins, loads
 * each program's classes (the JVM verifies them), and runs every program under every
 * {@link Schedule}: the references one after the other, the async twins all at once on one
 * loop, so that their suspensions interleave. Each async trace must equal its reference.
 */
final class Differential {

    /** How long the async twins of one unit may take under one schedule before they count as hung. */
    private static final long TIMEOUT_SECONDS = 20;
    private static final int ENTRY_DEPTH = 2;

    private Differential() {
    }

    /** One verdict per program, in order. */
    static List<Verdict> check(String source, List<String> programs, long planSeed) {
        Map<String, byte[]> classes;
        try {
            classes = ProgramJavac.compile("A.java", source);
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
        for (Schedule schedule : Schedule.values()) {
            if (entries.isEmpty()) {
                break;
            }
            Map<String, String> expected = new LinkedHashMap<>();
            entries.forEach((program, methods) -> expected.put(program,
                    reference(methods[1], new Log(schedule, decisions(planSeed, program)))));
            Map<String, Log> logs = new HashMap<>();
            entries.keySet().forEach(program -> logs.put(program, new Log(schedule, decisions(planSeed, program))));
            Map<String, String> actual;
            try {
                actual = concurrently(entries, logs, schedule);
            } catch (TimeoutException hung) {
                for (String program : entries.keySet()) {
                    verdicts.put(program, new Verdict(program, Verdict.Kind.HANG, schedule + ": " + hung.getMessage()));
                }
                break;
            }
            logs.forEach((program, log) -> reached.computeIfAbsent(program, p -> EnumSet.noneOf(Feature.class))
                    .addAll(log.reached()));
            for (String program : List.copyOf(entries.keySet())) {
                String want = expected.get(program);
                String got = actual.get(program);
                if (!want.equals(got)) {
                    verdicts.put(program, new Verdict(program, Verdict.Kind.DIVERGENCE,
                            schedule + ": " + firstDifference(want, got)));
                    entries.remove(program);
                }
            }
        }
        List<Verdict> result = new ArrayList<>();
        for (String program : programs) {
            Verdict verdict = verdicts.getOrDefault(program, new Verdict(program, Verdict.Kind.PASS, ""));
            result.add(new Verdict(program, verdict.kind(), verdict.detail(), reached.getOrDefault(program, Set.of())));
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

    private static String reference(Method m0, Log log) {
        String outcome;
        try {
            outcome = "return " + show(m0.invoke(null, log, ENTRY_DEPTH));
        } catch (InvocationTargetException thrown) {
            outcome = thrown.getCause() instanceof CancelledException cancelled ? cancelled(cancelled)
                    : "throw " + show(thrown.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return trace(log, outcome);
    }

    /** Runs every async twin on one new loop, on a thread of its own so that a hang can be detected and stopped. */
    private static Map<String, String> concurrently(Map<String, Method[]> entries, Map<String, Log> logs,
                                                    Schedule schedule) throws TimeoutException {
        EventLoop loop = AsyncIO.newEventLoop();
        Map<String, String> traces = new HashMap<>();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                AsyncIO.setEventLoop(loop);
                List<Future<Void>> all = new ArrayList<>();
                int index = 0;
                for (Map.Entry<String, Method[]> entry : entries.entrySet()) {
                    Log log = logs.get(entry.getKey());
                    Future<Void> done = loop.createFuture();
                    all.add(done);
                    Runnable start = () -> start(entry.getValue()[0], log, done, traces, entry.getKey());
                    // Half start outside the loop (the deferred start), half on it (the eager start).
                    if (index++ % 2 == 0) {
                        start.run();
                    } else {
                        loop.callSoon(start);
                    }
                }
                loop.runUntilComplete(AsyncIO.gather(all));
                finished.complete(null);
            } catch (Throwable failed) {
                finished.completeExceptionally(failed);
            } finally {
                loop.close();
                AsyncIO.setEventLoop(null);
            }
        }, "fuzz-loop");
        runner.setDaemon(true);
        runner.start();
        try {
            finished.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException hung) {
            loop.callSoonThreadsafe(loop::stop);
            synchronized (traces) {
                throw new TimeoutException("no result after " + TIMEOUT_SECONDS + " s; done: " + traces.keySet());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the loop failed outside the programs", e.getCause());
        }
        synchronized (traces) {
            return new HashMap<>(traces);
        }
    }

    private static void start(Method m0, Log log, Future<Void> done, Map<String, String> traces, String program) {
        Task<?> task;
        try {
            task = (Task<?>) m0.invoke(null, log, ENTRY_DEPTH);
        } catch (InvocationTargetException thrown) {
            record(traces, program, trace(log, "call threw " + show(thrown.getCause())), done);
            return;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        log.root(task);
        task.addDoneCallback(finished -> record(traces, program, trace(log, outcome(finished, log)), done));
    }

    private static String outcome(Future<?> finished, Log log) {
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

    private static String show(Throwable thrown) {
        return thrown.getClass().getName() + ": " + thrown.getMessage();
    }

    private static String firstDifference(String want, String got) {
        if (got == null) {
            return "no trace";
        }
        String[] a = want.split("\n", -1);
        String[] b = got.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": expected [" + x + "] but was [" + y + "]";
            }
        }
        return "traces differ";
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
