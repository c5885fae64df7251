package org.jasyncio.fuzz.program;

/** How the async twin receives one awaited outcome. */
public enum Delivery {
    /** The future is done before it is awaited: the await never suspends. */
    DONE,
    /** The loop completes it a few iterations later, so concurrent programs interleave at random. */
    LATER,
    /** A pool thread completes it (a {@code CompletableFuture} directly, a loop future through {@code callSoonThreadsafe}). */
    THREAD
}
