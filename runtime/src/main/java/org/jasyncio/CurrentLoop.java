package org.jasyncio;

import org.jasyncio.EventLoop;
import org.jasyncio.EventLoopPolicy;

/**
 * Which loop belongs to the calling thread: the engine behind {@code AsyncIO.getRunningLoop()},
 * {@code getEventLoop()}, {@code setEventLoop()}, {@code newEventLoop()} and the policy accessors.
 * Users call those {@code AsyncIO} functions.
 *
 * <p>As in asyncio, a thread runs at most one loop at a time; the running loop is recorded here by
 * the loop itself, and the loop <em>set</em> for a thread is kept by the current
 * {@link EventLoopPolicy}.
 */
final class CurrentLoop {

    private static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();
    private static volatile EventLoopPolicy policy;

    private CurrentLoop() {
    }

    /** The loop running on this thread, or {@code null} if none is. */
    public static EventLoop running() {
        return RUNNING.get();
    }

    /**
     * Records {@code loop} (or {@code null} when it stops) as the loop running on this thread. Called by
     * {@link EventLoop} only.
     */
    public static void setRunning(EventLoop loop) {
        if (loop == null) {
            RUNNING.remove();
        } else {
            RUNNING.set(loop);
        }
    }

    /**
     * asyncio's {@code get_event_loop()}: the running loop, else the policy's loop for this thread (the
     * main thread gets one on demand). On another thread with no loop this throws asyncio's
     * {@code IllegalStateException("There is no current event loop in thread '<name>'.")}; when
     * {@code forWhat} is not null (generated code passes the {@code @Async} method) the message also
     * names what needed the loop.
     */
    public static EventLoop get(String forWhat) {
        EventLoop running = RUNNING.get();
        if (running != null) {
            return running;
        }
        try {
            return policy().getEventLoop();
        } catch (IllegalStateException e) {
            if (forWhat == null) {
                throw e;
            }
            throw new IllegalStateException(e.getMessage() + " It is needed by " + forWhat + ".", e);
        }
    }

    /** Sets (or with {@code null} clears) this thread's loop through the policy. */
    public static void set(EventLoop loop) {
        policy().setEventLoop(loop);
    }

    /** A new loop of the kind the policy makes; it is not set as the current loop. */
    public static EventLoop newEventLoop() {
        return policy().newEventLoop();
    }

    /** The current policy; a selector policy unless another was set. */
    public static EventLoopPolicy policy() {
        EventLoopPolicy current = policy;
        if (current == null) {
            synchronized (CurrentLoop.class) {
                if (policy == null) {
                    policy = EventLoopPolicy.selector();
                }
                current = policy;
            }
        }
        return current;
    }

    /** Replaces the policy; {@code null} restores a fresh default (selector) policy. */
    public static void setPolicy(EventLoopPolicy newPolicy) {
        policy = newPolicy;
    }
}
