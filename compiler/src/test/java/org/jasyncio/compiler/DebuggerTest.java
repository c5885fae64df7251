package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Location;
import com.sun.jdi.Method;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.connect.VMStartException;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequestManager;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A debugger over rewritten code, driven through JDI in a debuggee JVM: it stops at the first
 * instruction of every line of an {@code @Async} method (lines after awaits included, each
 * {@code await} really suspending) and reads every visible variable, as jdb's {@code locals}
 * does. The truth is a twin of the same source where {@code await} is a plain call, run under
 * the same debugger: its stops are on the same lines in the same order, and at each stop every
 * variable is in scope with its value. By default, every variable the rewritten method shows has
 * its twin's value and nothing throws; with {@code keepLocals} it shows every variable its twin
 * shows.
 */
class DebuggerTest {

    /** The body's lines are the same in both sources: only the marked lines differ, each one line. */
    private static final String SOURCE = """
            package fx;
            import org.jasyncio.*;
            %IMPORT%
            public final class Debuggee {
                %ASYNC%
                static Task<String> work(String name, int count, long big, double ratio, int[] data) {
                    int i0 = count * 7;
                    long l0 = big << 20;
                    double d0 = ratio * 3;
                    float f0 = 1.25f;
                    boolean z0 = count > 1;
                    char c0 = name.charAt(0);
                    byte b0 = (byte) -count;
                    short s0 = (short) (count * 100);
                    String r0 = name + "?";
                    int[] a0 = {count, i0};
                    int got = await(later(i0 + 1));
                    long l1 = l0 + got;
                    double d1 = await(later(d0 / 2));
                    float f1 = f0 * 2;
                    boolean z1 = !z0;
                    char c1 = (char) (c0 + 1);
                    byte b1 = (byte) (b0 * 2);
                    short s1 = await(later((short) (s0 + 1)));
                    String r1 = r0 + z1 + c1 + b1 + a0.length;
                    long[] a1 = {l1, big};
                    StringBuilder out = new StringBuilder(r1);
                    for (int k = 0; k < count; k++) {
                        int sq = k * k;
                        long step = await(later(big + sq));
                        out.append(step).append(',');
                    }
                    try {
                        String inTry = name + "!";
                        await(later(inTry));
                        out.append(inTry.length());
                    } finally {
                        char fin = 'f';
                        await(later(fin));
                        out.append(fin).append(f1).append(s1).append(d1).append(a1.length);
                    }
                    int after = out.length();
                    await(later(after));
                    return Task.completed(out.toString() + after + data.length);
                }

                public static void main(String[] args) {
                    %RUN%
                }
            %HELPERS%
            }
            """;

    private static final String ASYNC = SOURCE
            .replace("%IMPORT%", "import static org.jasyncio.AsyncIO.await;")
            .replace("%ASYNC%", "@Async")
            .replace("%RUN%", "System.out.println(AsyncIO.run(() -> work(\"world\", 3, 5L, 0.5, new int[] {4, 5})));")
            .replace("%HELPERS%", "    static <T> Future<T> later(T value) { return Later.value(value); }");

    /** The same method, synchronous: {@code await(later(v))} is {@code v}. */
    private static final String TWIN = SOURCE
            .replace("%IMPORT%", "")
            .replace("%ASYNC%", "")
            .replace("%RUN%", "System.out.println(work(\"world\", 3, 5L, 0.5, new int[] {4, 5}).result());")
            .replace("%HELPERS%", "    static <T> T later(T value) { return value; }\n    static <T> T await(T value) { return value; }");

    /** One stop of the debugger: its line and what {@code locals} printed there, by name. */
    record Stop(int line, Map<String, String> values) {
        @Override
        public String toString() {
            return "line " + line + ": " + values;
        }
    }

    /** What one debuggee run showed: its stops and what it printed. */
    record Session(List<Stop> stops, String output) {
    }

    private static Session twin;

    @BeforeAll
    static void runTheTwin(@TempDir Path dir) throws Exception {
        Fixtures.compile("Debuggee", TWIN).writeTo(dir);
        twin = debug(dir, "work");
        assertEquals("world?falsex-62" + "5,6,9," + "6" + "f2.53010.752" + "34" + "2", twin.output().strip(),
                "the twin runs");
    }

    @Test
    void byDefaultEveryVisibleVariableHasItsTrueValue(@TempDir Path dir) throws Exception {
        Session rewritten = rewrittenSession(dir, CompilerOptions.DEFAULT);
        for (int i = 0; i < twin.stops().size(); i++) {
            Stop truth = twin.stops().get(i);
            Stop seen = rewritten.stops().get(i);
            for (Map.Entry<String, String> value : seen.values().entrySet()) {
                assertEquals(truth.values().get(value.getKey()), value.getValue(),
                        "stop " + i + ", " + value.getKey() + ": " + seen + "\ntruth " + truth);
            }
        }
        Stop afterFirstAwait = stopAt(rewritten, "long l1 = l0 + got;");
        assertTrue(afterFirstAwait.values().keySet().containsAll(List.of("name", "count", "big", "data", "l0", "got",
                "d0", "f0", "z0", "c0", "b0", "s0", "r0", "a0")), "what the code reads later is kept: " + afterFirstAwait);
        assertFalse(afterFirstAwait.values().containsKey("i0"), "i0 is not read after the await: " + afterFirstAwait);
        assertFalse(afterFirstAwait.values().containsKey("ratio"), "nor is ratio: " + afterFirstAwait);
    }

    @Test
    void keepLocalsShowsEveryVariableInScopeWithItsTrueValue(@TempDir Path dir) throws Exception {
        Session rewritten = rewrittenSession(dir, new CompilerOptions(true));
        for (int i = 0; i < twin.stops().size(); i++) {
            assertEquals(twin.stops().get(i), rewritten.stops().get(i), "stop " + i);
        }
    }

    /** Rewrites with {@code options} (checked and verified), debugs it, and checks it stops where its twin does. */
    private static Session rewrittenSession(Path dir, CompilerOptions options) throws Exception {
        Fixtures fixtures = Fixtures.compile("Debuggee", ASYNC).load(options);
        fixtures.writeTo(dir);
        Session session = debug(dir, "work$async");
        assertEquals(twin.output(), session.output(), "the rewritten program prints what its twin prints");
        assertEquals(lines(twin), lines(session), "the debugger stops on the same lines, in the same order");
        return session;
    }

    private static Stop stopAt(Session session, String code) {
        int line = ASYNC.lines().toList().indexOf(ASYNC.lines().filter(l -> l.strip().equals(code)).findFirst()
                .orElseThrow()) + 1;
        return session.stops().stream().filter(stop -> stop.line() == line).findFirst().orElseThrow();
    }

    private static List<Integer> lines(Session session) {
        return session.stops().stream().map(Stop::line).toList();
    }

    /**
     * Runs {@code fx.Debuggee} from {@code classes} in a JVM under JDI, with a breakpoint at the
     * first instruction of each line of {@code method} (as jdb's {@code stop at} sets it) but its
     * first: in a rewritten body that line also carries the dispatch every resumption passes.
     */
    private static Session debug(Path classes, String method)
            throws IOException, IllegalConnectorArgumentsException, VMStartException, InterruptedException,
                   IncompatibleThreadStateException, com.sun.jdi.AbsentInformationException {
        LaunchingConnector launcher = Bootstrap.virtualMachineManager().defaultConnector();
        Map<String, Connector.Argument> arguments = launcher.defaultArguments();
        arguments.get("main").setValue("fx.Debuggee");
        arguments.get("options").setValue("-cp " + classes + File.pathSeparator + System.getProperty("java.class.path"));
        VirtualMachine vm = launcher.launch(arguments);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        // The debuggee blocks once a pipe it writes to is full, so both are drained as it runs.
        Thread out = drain(vm.process().getInputStream(), output);
        Thread err = drain(vm.process().getErrorStream(), errors);
        EventRequestManager requests = vm.eventRequestManager();
        ClassPrepareRequest prepare = requests.createClassPrepareRequest();
        prepare.addClassFilter("fx.Debuggee");
        prepare.enable();
        List<Stop> stops = new ArrayList<>();
        while (true) {
            EventSet events = vm.eventQueue().remove(120_000);
            if (events == null) {
                vm.process().destroyForcibly();
                throw new AssertionError("the debuggee stopped answering; it wrote: " + errors);
            }
            for (Event event : events) {
                if (event instanceof ClassPrepareEvent prepared) {
                    Method body = prepared.referenceType().methodsByName(method).get(0);
                    Map<Integer, Location> firsts = new TreeMap<>();
                    for (Location location : body.allLineLocations()) {
                        firsts.merge(location.lineNumber(), location,
                                (a, b) -> a.codeIndex() <= b.codeIndex() ? a : b);
                    }
                    firsts.remove(((TreeMap<Integer, Location>) firsts).firstKey());
                    firsts.values().forEach(location -> requests.createBreakpointRequest(location).enable());
                } else if (event instanceof BreakpointEvent hit) {
                    StackFrame frame = hit.thread().frame(0);
                    List<LocalVariable> visible = frame.visibleVariables();
                    Map<LocalVariable, Value> values = frame.getValues(visible);
                    Map<String, String> shown = new TreeMap<>();
                    values.forEach((variable, value) -> shown.put(variable.name(), show(value)));
                    stops.add(new Stop(hit.location().lineNumber(), shown));
                } else if (event instanceof VMDisconnectEvent) {
                    out.join();
                    err.join();
                    assertEquals(0, vm.process().waitFor(), "the debuggee's exit status; it wrote: " + errors);
                    return new Session(stops, output.toString(StandardCharsets.UTF_8));
                }
            }
            events.resume();
        }
    }

    private static Thread drain(InputStream from, ByteArrayOutputStream to) {
        Thread drainer = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        drainer.start();
        return drainer;
    }

    /** A value as a debugger prints it, by content so that the two runs compare. */
    private static String show(Value value) {
        if (value instanceof StringReference string) {
            return '"' + string.value() + '"';
        }
        if (value instanceof ArrayReference array) {
            return array.getValues().stream().map(DebuggerTest::show).collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof com.sun.jdi.ObjectReference object) {
            return object.referenceType().name();
        }
        return String.valueOf(value);
    }
}
