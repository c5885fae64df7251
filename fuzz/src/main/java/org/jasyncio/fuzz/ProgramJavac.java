package org.jasyncio.fuzz;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.Log;
import org.jasyncio.testing.InMemoryJavac;

/** Compiles one generated program, in package {@code fz}, against the runtime and the programs' support classes. */
final class ProgramJavac {

    private static final List<String> OPTIONS = List.of("-g", "-nowarn", "-proc:none", "-Xlint:none",
            "-classpath", location(Task.class) + File.pathSeparator + location(Log.class));

    private ProgramJavac() {
    }

    /**
     * Class files by internal name.
     *
     * @throws InMemoryJavac.CompileException when javac rejects the source: a generator bug, or a
     *                                        shrinking step that broke the program
     */
    static Map<String, byte[]> compile(String fileName, String source) {
        return InMemoryJavac.compile(Map.of("fz/" + fileName, source), OPTIONS);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + type, e);
        }
    }
}
