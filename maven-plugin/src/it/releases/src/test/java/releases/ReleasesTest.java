package releases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.jasyncio.AsyncIO;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;

/**
 * Each rNN.Probe was compiled with --release NN and rewritten by the plugin; it runs only if
 * the rewrite worked, since an await left as javac wrote it throws. The classes are reached by
 * reflection because javac 17 cannot read a Java 25 class file.
 */
class ReleasesTest {

    @Test
    void everyReleaseIsRewrittenAndRuns() throws Exception {
        List<Integer> releases = new ArrayList<>(List.of(8, 11, 17));
        if (Boolean.getBoolean("releases.jdk25")) {
            assertEquals(25, Runtime.version().feature(), "the Java 21 and 25 probes need a Java 25 JVM");
            releases.addAll(List.of(21, 25));
        }
        for (int release : releases) {
            String className = "r" + release + ".Probe";
            assertEquals(44 + release, majorVersion(className), className);
            Method probe = Class.forName(className).getMethod("probe", String.class);
            assertEquals("r" + release + ":x", AsyncIO.run(() -> invoke(probe)), className);
        }
        System.out.println("releases checked: " + releases);
    }

    @SuppressWarnings("unchecked")
    private static Task<String> invoke(Method probe) {
        try {
            return (Task<String>) probe.invoke(null, "x");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static int majorVersion(String className) throws IOException {
        try (InputStream in = ReleasesTest.class.getResourceAsStream("/" + className.replace('.', '/') + ".class")) {
            DataInputStream data = new DataInputStream(in);
            data.readInt();
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
