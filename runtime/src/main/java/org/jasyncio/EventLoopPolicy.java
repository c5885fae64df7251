package org.jasyncio;

import java.util.Objects;
import java.util.function.Supplier;
import org.jasyncio.internal.loop.MainThread;

/**
 * Decides which kind of loop {@link AsyncIO#newEventLoop()} makes and keeps each thread's current loop,
 * like asyncio's {@code DefaultEventLoopPolicy}. The default policy makes {@link SelectorEventLoop}s;
 * install another with {@code AsyncIO.setEventLoopPolicy(new EventLoopPolicy(MyLoop::new))}.
 *
 * <p>{@link #getEventLoop()} on the JVM's main thread creates and sets a loop on demand (unless
 * {@link #setEventLoop} was called there); on any other thread with no loop set it throws.
 */
public class EventLoopPolicy {

    private final Supplier<? extends EventLoop> loopFactory;
    private final ThreadLocal<ThreadState> threads = ThreadLocal.withInitial(ThreadState::new);

    private static final class ThreadState {
        EventLoop loop;
        boolean setCalled;
    }

    /** Creates a policy whose {@link #newEventLoop()} returns {@code loopFactory.get()}. */
    public EventLoopPolicy(Supplier<? extends EventLoop> loopFactory) {
        this.loopFactory = Objects.requireNonNull(loopFactory, "loopFactory");
    }

    /** A policy that makes {@link SelectorEventLoop}s (the default). */
    public static EventLoopPolicy selector() {
        return new EventLoopPolicy(SelectorEventLoop::new);
    }

    /**
     * A policy that makes {@link ProactorEventLoop}s: completion-based I/O on NIO.2 channels (I/O
     * completion ports on Windows), as asyncio's default policy does on Windows.
     */
    public static EventLoopPolicy proactor() {
        return new EventLoopPolicy(ProactorEventLoop::new);
    }

    /**
     * This thread's current loop. On the main thread, if none was ever set, creates one with
     * {@link #newEventLoop()} and sets it.
     *
     * @throws IllegalStateException "There is no current event loop in thread '<name>'." on another
     *     thread with no loop set
     */
    public EventLoop getEventLoop() {
        ThreadState state = threads.get();
        Thread thread = Thread.currentThread();
        if (state.loop == null && !state.setCalled && MainThread.is(thread)) {
            setEventLoop(newEventLoop());
        }
        if (state.loop == null) {
            throw new IllegalStateException(
                    "There is no current event loop in thread '" + thread.getName() + "'.");
        }
        return state.loop;
    }

    /**
     * This thread's current loop as far as this policy's own bookkeeping knows, never creating one:
     * for {@link Future#get()} to tell that the thread which should run a loop is about to wait for it.
     */
    EventLoop currentLoopOrNull() {
        return threads.get().loop;
    }

    /** Sets this thread's current loop; {@code null} clears it (and stops on-demand creation). */
    public void setEventLoop(EventLoop loop) {
        ThreadState state = threads.get();
        state.setCalled = true;
        state.loop = loop;
    }

    /** Creates a new loop of this policy's kind; it is not set as any thread's loop. */
    public EventLoop newEventLoop() {
        return loopFactory.get();
    }
}
