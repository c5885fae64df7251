package org.jasyncio.internal.access;

/**
 * Where the runtime's packages find each other's package-private operations (the JDK's
 * {@code SharedSecrets}): each side installs its accessor when its class is initialised, and a getter
 * initialises that class first if nobody has yet. Internal to jasyncio: not exported.
 */
public final class Access {

    private static final String TASK = "org.jasyncio.Task";
    private static final String COROUTINE = "org.jasyncio.internal.Coroutine";
    private static final String LOOP = "org.jasyncio.EventLoop";
    private static final String CONTEXT = "org.jasyncio.Context";

    private static volatile TaskAccess tasks;
    private static volatile CoroutineAccess coroutines;
    private static volatile LoopAccess loops;
    private static volatile ContextAccess contexts;

    private Access() {
    }

    /** Called once, by {@code Task}'s static initialiser. */
    public static void install(TaskAccess access) {
        tasks = access;
    }

    /** Called once, by {@code Coroutine}'s static initialiser. */
    public static void install(CoroutineAccess access) {
        coroutines = access;
    }

    /** Called once, by {@code EventLoop}'s static initialiser. */
    public static void install(LoopAccess access) {
        loops = access;
    }

    /** Called once, by {@code Context}'s static initialiser. */
    public static void install(ContextAccess access) {
        contexts = access;
    }

    /** @return {@code Task}'s operations for the coroutine implementation */
    public static TaskAccess tasks() {
        TaskAccess access = tasks;
        if (access == null) {
            initialise(TASK);
            access = tasks;
        }
        return access;
    }

    /** @return the coroutine implementation's operations for {@code Task} */
    public static CoroutineAccess coroutines() {
        CoroutineAccess access = coroutines;
        if (access == null) {
            initialise(COROUTINE);
            access = coroutines;
        }
        return access;
    }

    /** @return {@code EventLoop}'s operations for the runtime's internals */
    public static LoopAccess loops() {
        LoopAccess access = loops;
        if (access == null) {
            initialise(LOOP);
            access = loops;
        }
        return access;
    }

    /** @return {@code Context}'s operations for the coroutine implementation */
    public static ContextAccess contexts() {
        ContextAccess access = contexts;
        if (access == null) {
            initialise(CONTEXT);
            access = contexts;
        }
        return access;
    }

    private static void initialise(String className) {
        try {
            Class.forName(className, true, Access.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("jasyncio runtime incomplete: " + className + " is missing", e);
        }
    }
}
