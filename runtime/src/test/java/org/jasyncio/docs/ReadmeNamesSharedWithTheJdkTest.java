package org.jasyncio.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jasyncio.EventLoop;
import org.junit.jupiter.api.Test;

/**
 * The README's table of names shared with the JDK lists every public type of {@code org.jasyncio}
 * whose simple name a public type of a {@code java.*} module's exported package also has, so that a
 * user learns of each clash before an import makes it ambiguous.
 */
class ReadmeNamesSharedWithTheJdkTest {

    @Test
    void theReadmeListsEverySharedName() throws Exception {
        String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
        Path api = Path.of(EventLoop.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/jasyncio");
        List<String> shared = new ArrayList<>();
        try (Stream<Path> files = Files.list(api)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$") || name.equals("package-info.class")) {
                    continue;
                }
                String simple = name.substring(0, name.length() - ".class".length());
                if (Modifier.isPublic(Class.forName("org.jasyncio." + simple, false, EventLoop.class.getClassLoader())
                        .getModifiers()) && inTheJdk(simple)) {
                    shared.add(simple);
                }
            }
        }
        assertTrue(shared.contains("Future"), "found the shared names: " + shared);
        List<String> unlisted = new ArrayList<>();
        for (String simple : shared) {
            if (!readme.contains("`org.jasyncio." + simple + "`")) {
                unlisted.add(simple);
            }
        }
        assertEquals(List.of(), unlisted, "shared with the JDK but missing from the README's table");
    }

    private static boolean inTheJdk(String simpleName) {
        for (Module module : ModuleLayer.boot().modules()) {
            if (!module.getName().startsWith("java.")) {
                continue;
            }
            for (String pkg : module.getPackages()) {
                if (module.isExported(pkg) && isPublicClass(pkg + "." + simpleName)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isPublicClass(String name) {
        try {
            return Modifier.isPublic(Class.forName(name, false, ClassLoader.getPlatformClassLoader()).getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
