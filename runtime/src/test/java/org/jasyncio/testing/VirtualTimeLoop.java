package org.jasyncio.testing;

import org.jasyncio.EventLoop;

/**
 * An event loop on a virtual clock, for tests of anything that involves time (asyncio's
 * {@code test_utils.TestLoop}, kotlinx-coroutines-test's virtual time). When the loop would sleep
 * until its next timer, the clock jumps straight to that timer's deadline instead, so
 * {@code sleep(3600)} or a {@code waitFor} timeout completes instantly while {@link #time()} reports
 * that the hour has passed. Timers fire in (deadline, schedule order), exactly as on a real loop.
 *
 * <pre>{@code
 * VirtualTimeLoop loop = VirtualTimeLoop.create();
 * List<Double> firedAt = new ArrayList<>();
 * loop.callLater(10.0, () -> { firedAt.add(loop.time()); loop.stop(); });
 * loop.runForever();                 // returns at once
 * assertEquals(List.of(10.0), firedAt);
 * loop.close();
 * }</pre>
 *
 * <ul>
 *   <li>The clock starts at 0.0 and moves only at polls that would wait for a timer, or when a test
 *       calls {@link #advance(double)} (e.g. inside a callback, to make it "take" 10 seconds for the
 *       slow-callback report).</li>
 *   <li>With no timer pending the loop blocks in real time until another thread calls
 *       {@code callSoonThreadsafe} (so {@code runInExecutor} works); the virtual clock does not move
 *       while it waits. With a timer pending it does not wait for other threads: time jumps ahead.</li>
 *   <li>{@link #polls()} counts iterations, for tests that bound how many a scenario needs.</li>
 *   <li>To have {@code AsyncIO.run} or {@code AsyncIO.newEventLoop()} make virtual loops, install
 *       {@code new EventLoopPolicy(VirtualTimeLoop::create)} and restore the previous policy after.</li>
 * </ul>
 */
public final class VirtualTimeLoop extends EventLoop {

    private final VirtualClock clock;
    private final VirtualTimePoller poller;

    private VirtualTimeLoop(VirtualClock clock, VirtualTimePoller poller) {
        super(poller, clock);
        this.clock = clock;
        this.poller = poller;
    }

    /** A new loop whose virtual clock reads 0.0. */
    public static VirtualTimeLoop create() {
        VirtualClock clock = new VirtualClock();
        return new VirtualTimeLoop(clock, new VirtualTimePoller(clock));
    }

    /** Moves the virtual clock forward by {@code seconds} now (timers that become due run at the next iteration). */
    public void advance(double seconds) {
        clock.advance(seconds);
    }

    /** The virtual clock. */
    public VirtualClock clock() {
        return clock;
    }

    /** How many iterations (polls) the loop has run. */
    public int polls() {
        return poller.polls();
    }
}
