package org.jasyncio.internal.loop;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the daemon threads of a loop's default executor, named {@code <prefix>-<n>}, so an idle pool
 * never keeps the JVM alive. Internal to jasyncio: not for users.
 */
public final class DaemonThreadFactory implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    /** Creates a factory naming its threads {@code prefix-1}, {@code prefix-2}, ... */
    public DaemonThreadFactory(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable work) {
        Thread thread = new Thread(work, prefix + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
