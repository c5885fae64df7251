package org.jasyncio;

import java.util.Map;
import java.util.WeakHashMap;

import org.jasyncio.internal.loop.SourceLocation;

/**
 * Debug mode's record of where a loop's futures and the tasks of {@code createTask} were created
 * (asyncio's {@code _source_traceback}): the innermost frame of user code on the stack that made each
 * one, shown as {@code created at File.java:NN} at the end of its repr, as asyncio shows it. The task of
 * an {@code @Async} call is not recorded: its {@code coro=<...>} names the method, and its innermost
 * user frame would be that method's own entry, not its caller. Only futures made while the loop is in
 * debug mode are recorded, so a loop out of debug mode pays one flag check per future and no map; the
 * keys are weak, so an entry goes with its future.
 */
final class CreationSites {
    /** Guarded by this; made by the first record. */
    private Map<Future<?>, String> sites;

    /** Records where {@code future} is being created: call it from its constructor. */
    void record(Future<?> future) {
        String site = SourceLocation.ofCaller();
        if (site == null) {
            return;
        }
        synchronized (this) {
            if (sites == null) {
                sites = new WeakHashMap<>();
            }
            sites.put(future, site);
        }
    }

    /** The repr's {@code " created at File.java:NN"} for {@code future}, or nothing if it was not recorded. */
    synchronized String describe(Future<?> future) {
        String site = sites == null ? null : sites.get(future);
        return site == null ? "" : " created at " + site;
    }
}
