package org.jasyncio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The event loops of this process not closed yet, for the JFR event that shows their task graphs
 * ({@link TaskGraphEvent}). Held weakly: a loop dropped without {@code close()} leaves with its
 * last reference. The first loop also installs that event, if the JDK has JFR.
 */
final class LiveLoops {

    private static final Map<EventLoop, Boolean> LOOPS = Collections.synchronizedMap(new WeakHashMap<>());

    static {
        TaskGraphRecording.install();
    }

    private LiveLoops() {
    }

    static void add(EventLoop loop) {
        LOOPS.put(loop, Boolean.TRUE);
    }

    static void remove(EventLoop loop) {
        LOOPS.remove(loop);
    }

    /** The live loops, oldest first. */
    static List<EventLoop> list() {
        List<EventLoop> loops;
        synchronized (LOOPS) {
            loops = new ArrayList<>(LOOPS.keySet());
        }
        loops.sort((a, b) -> Long.compare(a.id(), b.id()));
        return loops;
    }
}
