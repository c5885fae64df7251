package org.jasyncio.fuzz.program;

/** How the async twin receives one awaited outcome. */
public enum Delivery {
    /** The future is done before it is awaited: the await never suspends. */
    DONE,
    /** The loop completes it a few iterations later, so concurrent programs interleave at random. */
    LATER,
    /** The last of a few timers set with {@code callAt} for one deadline, in real time, completes it. */
    TIMER,
    /** A pool thread completes it (a {@code CompletableFuture} directly, a loop future through {@code callSoonThreadsafe}). */
    THREAD
}
