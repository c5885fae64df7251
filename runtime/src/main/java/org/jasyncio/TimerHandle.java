package org.jasyncio;

/**
 * A callback scheduled for a given time by {@link EventLoop#callLater} or {@link EventLoop#callAt}.
 * {@link #cancel()} removes it from the loop's timers; {@link #when()} says when it is due, on the
 * scale of {@link EventLoop#time()}.
 */
public final class TimerHandle extends Handle {

    private final EventLoop loop;
    private final double when;
    private boolean scheduled = true;

    TimerHandle(Runnable callback, String createdAt, Context context, EventLoop loop, double when) {
        super(callback, createdAt, context);
        this.loop = loop;
        this.when = when;
    }

    /** The time, in {@link EventLoop#time()} seconds, at which the callback is due. */
    public double when() {
        return when;
    }

    @Override
    void onCancel() {
        if (scheduled) {
            scheduled = false;
            loop.timerCancelled();
        }
    }

    void unschedule() {
        scheduled = false;
    }

    @Override
    void describeTiming(StringBuilder text) {
        text.append(" when=").append(when);
    }
}
