package org.jasyncio.fuzz.program;

/**
 * What a run of a generated program reached, so that a campaign can show (and a test can
 * insist) that the generator still produces every shape it is meant to: the generated
 * methods report their own kind when they run, the outcomes report cancellations.
 */
public enum Feature {
    /** An instance {@code @Async} method of the program's class ran. */
    INSTANCE_METHOD,
    /** A private instance {@code @Async} method ran. */
    PRIVATE_INSTANCE_METHOD,
    /** A generic {@code @Async} method ({@code <T> Task<T> m(T x, ...)}) ran. */
    GENERIC_METHOD,
    /** A generic method whose type variable has a bound ({@code T extends Comparable<T>}) ran. */
    BOUNDED_GENERIC_METHOD,
    /** The {@code @Async} method of the program's generic class {@code H<T>} ran. */
    GENERIC_CLASS,
    /** A lambda whose functional interface method returns {@code Task} awaited in its body. */
    AWAITING_LAMBDA,
    /** A method reached {@code return mj(...)}: its task adopts the outcome of another call's task. */
    RETURNED_A_CALL,
    /** The program's task was cancelled while suspended at an await. */
    CANCELLED_AT_AWAIT,
    /**
     * The future the task awaited completed, and the task was cancelled before it resumed: the
     * await throws {@code CancelledException} all the same.
     */
    CANCELLED_AFTER_COMPLETION,
    /** The program was cancelled and still returned a value: some code swallowed the cancellation. */
    CANCELLATION_SWALLOWED,
    /** The program was cancelled and its task ended cancelled. */
    CANCELLATION_ESCAPED,
    /** An interface's default {@code @Async} method ran. */
    INTERFACE_DEFAULT_METHOD,
    /** Several tasks ran one {@code @Async} method at once, interleaved ({@link Forks}). */
    CONCURRENT_CALLS,
    /** The program awaited the task of an {@code @Async} call that awaits a loop future. */
    AWAITED_TASK,
    /** The program awaited a task made by {@code createTask}. */
    AWAITED_CREATED_TASK,
    /** The program awaited a {@code CompletableFuture.minimalCompletionStage()}. */
    MINIMAL_STAGE,
    /** The program awaited a stage that supports {@code whenComplete} alone. */
    HAND_WRITTEN_STAGE,
    /** An awaited outcome came from timers set with {@code callAt} for one deadline. */
    EQUAL_DEADLINES,
    /** The program looked at {@code AsyncIO.currentTask()}. */
    CURRENT_TASK
}
