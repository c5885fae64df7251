package org.jasyncio.internal.loop;

/**
 * Recognises the JVM's main thread, which asyncio's {@code get_event_loop()} treats specially (it gets
 * a loop on demand). Internal to jasyncio: not for users.
 *
 * <p>Java has no API for it and its thread id differs between JDKs, so the main thread is taken to be
 * the oldest live thread named {@code "main"} in the thread group {@code "main"}, looked up once.
 */
public final class MainThread {

    private static final Thread MAIN = find();

    private MainThread() {
    }

    /** True if {@code thread} is the JVM's main thread. */
    public static boolean is(Thread thread) {
        return thread == MAIN;
    }

    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same value
    private static Thread find() {
        Thread oldest = null;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            ThreadGroup group = thread.getThreadGroup();
            if ("main".equals(thread.getName()) && group != null && "main".equals(group.getName())
                    && (oldest == null || thread.getId() < oldest.getId())) {
                oldest = thread;
            }
        }
        return oldest;
    }
}
