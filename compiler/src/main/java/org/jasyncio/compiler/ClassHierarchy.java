package org.jasyncio.compiler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * A model of the supertypes of the classes a method mentions, built from class file headers
 * read through {@link ClassBytes}. Frames need the common superclass of two types; every peer
 * that answered that by loading classes broke on classes absent at build time, so this never
 * loads anything. A class it cannot find is assumed to extend {@code Object} until
 * {@link DeclaredSupertypes} learns better from javac's frames, and is reported once as a warning.
 */
final class ClassHierarchy {

    private record Info(String superName, List<String> interfaces, boolean isInterface) {
    }

    private static final Info OBJECT = new Info(null, List.of(), false);
    private static final Info UNKNOWN = new Info("java/lang/Object", List.of(), false);

    private final ClassBytes classpath;
    private final Map<String, Info> known = new HashMap<>();
    private final Set<String> missing = new LinkedHashSet<>();

    ClassHierarchy(ClassBytes classpath) {
        this.classpath = classpath;
        known.put("java/lang/Object", OBJECT);
    }

    /** Makes the class being rewritten known even when its bytes are not yet on the classpath. */
    void define(String name, String superName, String[] interfaces, boolean isInterface) {
        known.put(name, new Info(superName, interfaces == null ? List.of() : List.of(interfaces), isInterface));
    }

    /** Classes that could not be found while answering questions, in the order they were met. */
    Set<String> missing() {
        return missing;
    }

    /** True when {@code name} or a class on its superclass chain could not be found. */
    boolean reachesMissing(String name) {
        for (String current = name; current != null; current = info(current).superName()) {
            if (missing.contains(current)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records that {@code sub} extends {@code declared}, as javac's frames say where a value of
     * {@code sub} meets a slot of type {@code declared}: the first missing class on
     * {@code sub}'s superclass chain is given {@code declared} as its superclass. Nothing is
     * recorded when the chain is fully known or when it would make a cycle.
     */
    void learnSupertype(String sub, String declared) {
        for (String current = sub; current != null; current = info(current).superName()) {
            if (current.equals(declared)) {
                return;
            }
            if (missing.contains(current)) {
                if (!isAssignable(current, declared)) {
                    // (Were declared already a subtype of current, this would make a cycle.)
                    known.put(current, new Info(declared, info(current).interfaces(), false));
                }
                return;
            }
        }
    }

    boolean isInterface(String name) {
        return info(name).isInterface();
    }

    String superName(String name) {
        return info(name).superName();
    }

    /** True when a value of class {@code from} may be stored where {@code to} is expected. */
    boolean isAssignable(String to, String from) {
        if (to.equals(from) || to.equals("java/lang/Object")) {
            return true;
        }
        List<String> pending = new ArrayList<>();
        pending.add(from);
        Set<String> seen = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            String current = pending.remove(pending.size() - 1);
            if (current == null || !seen.add(current)) {
                continue;
            }
            if (current.equals(to)) {
                return true;
            }
            Info info = info(current);
            pending.add(info.superName());
            pending.addAll(info.interfaces());
        }
        return false;
    }

    /** The most specific class both extend; {@code Object} when either is an interface, as the JVM verifier treats them. */
    String commonSuperClass(String a, String b) {
        if (isAssignable(a, b)) {
            return isInterface(a) ? "java/lang/Object" : a;
        }
        if (isAssignable(b, a)) {
            return isInterface(b) ? "java/lang/Object" : b;
        }
        if (isInterface(a) || isInterface(b)) {
            return "java/lang/Object";
        }
        String candidate = a;
        do {
            candidate = superName(candidate);
        } while (candidate != null && !isAssignable(candidate, b));
        return candidate == null ? "java/lang/Object" : candidate;
    }

    private Info info(String name) {
        Info info = known.get(name);
        if (info == null) {
            info = read(name);
            known.put(name, info);
        }
        return info;
    }

    private Info read(String name) {
        byte[] bytes;
        try {
            bytes = classpath.find(name);
        } catch (RuntimeException lookupFailed) {
            bytes = null;
        }
        if (bytes == null) {
            missing.add(name);
            return UNKNOWN;
        }
        try {
            ClassReader reader = new ClassReader(bytes);
            return new Info(reader.getSuperName(), List.of(reader.getInterfaces()),
                    (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0);
        } catch (RuntimeException unreadable) {
            missing.add(name);
            return UNKNOWN;
        }
    }
}
