package org.jasyncio.fuzz;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.StandardJavaFileManager;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.Log;
import org.jasyncio.testing.InMemoryJavac;

/**
 * Compiles a unit of generated programs, in package {@code fz}, against the runtime and the
 * programs' support classes. The twins go to files of their own, {@code A.java} and
 * {@code S.java}, each with the unit's header, so that every program sits at the same lines in
 * both (every node renders as many lines in either twin): the stack frames of a failure compare
 * line for line. {@code Entry.java} comes with them: the code every unit shares that must be
 * rewritten too.
 */
final class ProgramJavac {

    private static final List<String> OPTIONS = List.of("-g", "-nowarn", "-proc:none", "-Xlint:none",
            "-classpath", location(Task.class) + File.pathSeparator + location(Log.class));

    /** Each thread's javac file manager: its compilations then open the class path once. */
    private static final ThreadLocal<StandardJavaFileManager> FILES = ThreadLocal.withInitial(InMemoryJavac::newFileManager);

    /** Class {@code fz.Entry}. */
    static final String ENTRY = "fz.Entry";

    private static final String ENTRY_SOURCE = """
            package fz;

            import static org.jasyncio.AsyncIO.await;

            import java.util.concurrent.Callable;
            import org.jasyncio.AsyncIO;
            import org.jasyncio.Async;
            import org.jasyncio.Future;
            import org.jasyncio.Task;
            import org.jasyncio.fuzz.program.Feature;
            import org.jasyncio.fuzz.program.Log;

            /** How the twins start a program, and the tasks the async twins await. */
            public final class Entry {

                /** The async twin's start: awaits the program, so that its failure crosses an await as any other. */
                @Async
                public static Task<Object> async(Callable<Task<?>> program) throws Exception {
                    return Task.completed(await(program.call()));
                }

                /** The reference's start. */
                public static Object sync(Callable<?> program) throws Exception {
                    return program.call();
                }

                /** The task of an {@code @Async} call that awaits {@code future}. */
                @Async
                public static <T> Task<T> relay(Log log, Future<T> future) {
                    log.reached(Feature.AWAITED_TASK);
                    return Task.completed(await(future));
                }

                /** A task made by {@code createTask} (it starts on the loop's next iteration) that awaits {@code future}. */
                public static <T> Task<T> created(Log log, Future<T> future) {
                    log.reached(Feature.AWAITED_CREATED_TASK);
                    return AsyncIO.createTask(() -> relay(log, future));
                }
            }
            """;

    private ProgramJavac() {
    }

    /**
     * Class files by internal name.
     *
     * @throws InMemoryJavac.CompileException when javac rejects the source
     */
    static Map<String, byte[]> compile(String fileName, String source) {
        return InMemoryJavac.compile(Map.of("fz/" + fileName, source), OPTIONS, FILES.get());
    }

    /**
     * The class files of a unit of twins, by internal name.
     *
     * @param source a unit as {@link Unit#render} writes it: a header, class {@code A}, class {@code S}
     * @throws InMemoryJavac.CompileException when javac rejects the source: a generator bug, or a
     *                                        shrinking step that broke the program
     */
    static Map<String, byte[]> compileUnit(String source) {
        int async = source.indexOf("final class A {");
        int sync = source.indexOf("final class S {");
        if (async < 0 || sync < async) {
            throw new IllegalArgumentException("not a unit of twins: " + source);
        }
        return InMemoryJavac.compile(Map.of("fz/A.java", source.substring(0, sync),
                "fz/S.java", source.substring(0, async) + source.substring(sync),
                "fz/Entry.java", ENTRY_SOURCE), OPTIONS, FILES.get());
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + type, e);
        }
    }
}
