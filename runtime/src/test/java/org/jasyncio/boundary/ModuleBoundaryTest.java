package org.jasyncio.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jasyncio.EventLoop;
import org.junit.jupiter.api.Test;

/**
 * The runtime's module boundary: what the module exports, and that no exported type lets an internal
 * type through a signature a user can see.
 */
class ModuleBoundaryTest {

    private static final Set<String> EXPORTED = Set.of("org.jasyncio", "org.jasyncio.spi", "org.jasyncio.internal");

    @Test
    void theModuleExportsTheApiTheSpiAndTheProtocolOfRewrittenCodeOnly() throws Exception {
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(runtimeClasses().resolve("module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        assertEquals("org.jasyncio", module.name());
        Set<String> exports = module.exports().stream()
                .peek(e -> assertEquals(Set.of(), e.targets(), "qualified export " + e))
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertEquals(EXPORTED, exports);
        // The runtime needs the JDK's base module only. It reads jdk.jfr where the image has it, for the
        // JFR event that shows a hung loop's tasks (TaskGraphEvent), and runs without it (static).
        Map<String, Set<ModuleDescriptor.Requires.Modifier>> requires = module.requires().stream()
                .collect(Collectors.toMap(ModuleDescriptor.Requires::name, ModuleDescriptor.Requires::modifiers));
        assertEquals(Set.of("java.base", "jdk.jfr"), requires.keySet());
        assertEquals(Set.of(ModuleDescriptor.Requires.Modifier.STATIC), requires.get("jdk.jfr"),
                "jdk.jfr is optional: a jlink image of java.base alone runs the runtime");
    }

    @Test
    void theProtocolPackageHoldsOnlyWhatRewrittenCodeCalls() throws Exception {
        Set<String> protocol = new TreeSet<>(Set.of("org.jasyncio.internal.Coroutine",
                "org.jasyncio.internal.Coroutine$Resumer", "org.jasyncio.internal.CoroutineMethod",
                "org.jasyncio.internal.Frames", "org.jasyncio.internal.Rewritten"));
        for (String layout : List.of("R2", "R1I1", "I2", "R4", "R3I1", "R2I2", "R1I3", "I4", "Spilled")) {
            protocol.add("org.jasyncio.internal.Frames$" + layout);
        }
        assertEquals(protocol, new TreeSet<>(publicTypesOf("org.jasyncio.internal")));
    }

    @Test
    void noExportedSignatureNamesAnInternalType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String exported : EXPORTED) {
            for (String name : publicTypesOf(exported)) {
                Class<?> type = Class.forName(name);
                check(type.getName() + " extends", type.getGenericSuperclass(), leaks);
                for (Type implemented : type.getGenericInterfaces()) {
                    check(type.getName() + " implements", implemented, leaks);
                }
                for (Field field : type.getDeclaredFields()) {
                    if (visible(field.getModifiers())) {
                        check(type.getName() + "." + field.getName(), field.getGenericType(), leaks);
                    }
                }
                List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
                members.addAll(List.of(type.getDeclaredConstructors()));
                for (Executable member : members) {
                    if (!visible(member.getModifiers()) || member.isSynthetic()) {
                        continue;
                    }
                    String where = type.getName() + "." + member.getName() + "(...)";
                    for (Type parameter : member.getGenericParameterTypes()) {
                        check(where, parameter, leaks);
                    }
                    for (Type thrown : member.getGenericExceptionTypes()) {
                        check(where, thrown, leaks);
                    }
                    if (member instanceof Method) {
                        check(where, ((Method) member).getGenericReturnType(), leaks);
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(String where, Type type, List<String> leaks) {
        if (type instanceof Class<?>) {
            Class<?> raw = (Class<?>) type;
            while (raw.isArray()) {
                raw = raw.getComponentType();
            }
            String pkg = raw.getPackageName();
            if (pkg.startsWith("org.jasyncio") && !EXPORTED.contains(pkg)) {
                leaks.add(where + " names " + raw.getName());
            }
        } else if (type instanceof ParameterizedType) {
            check(where, ((ParameterizedType) type).getRawType(), leaks);
            for (Type argument : ((ParameterizedType) type).getActualTypeArguments()) {
                check(where, argument, leaks);
            }
        } else if (type instanceof GenericArrayType) {
            check(where, ((GenericArrayType) type).getGenericComponentType(), leaks);
        } else if (type instanceof WildcardType) {
            for (Type bound : ((WildcardType) type).getUpperBounds()) {
                check(where, bound, leaks);
            }
            for (Type bound : ((WildcardType) type).getLowerBounds()) {
                check(where, bound, leaks);
            }
        } else if (type instanceof TypeVariable<?>) {
            for (Type bound : ((TypeVariable<?>) type).getBounds()) {
                if (bound != Object.class) {
                    check(where, bound, leaks);
                }
            }
        }
    }

    /** The public (and protected nested) types of {@code pkg} in the runtime's compiled classes. */
    private static Set<String> publicTypesOf(String pkg) throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = runtimeClasses().resolve(pkg.replace('.', '/'));
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(".class") || fileName.equals("package-info.class")) {
                    continue;
                }
                Class<?> type = Class.forName(pkg + "." + fileName.substring(0, fileName.length() - ".class".length()),
                        false, EventLoop.class.getClassLoader());
                if (isVisible(type)) {
                    names.add(type.getName());
                }
            }
        }
        return names;
    }

    private static Path runtimeClasses() throws URISyntaxException {
        return Path.of(EventLoop.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static boolean isVisible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!visible(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }
}
