package org.jasyncio;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

import org.jasyncio.internal.iter.Answers;

/**
 * One {@link AsyncIO#asCompleted} call: slot {@code i} takes the outcome of the {@code i}-th
 * input to finish; on timeout every slot still empty fails with {@link TimeoutException}. It also
 * hands the inputs themselves out in completion order to an async iteration (asyncio 3.13's
 * {@code async for}), which fails with {@link TimeoutException} once the timeout passed.
 */
final class AsCompleted<T> implements Consumer<Future<? extends T>> {
    private final EventLoop loop;
    private final List<Future<T>> slots;
    private final List<? extends Future<? extends T>> inputs;
    /** The inputs that finished, in the order they did. */
    private final List<Future<? extends T>> finished;
    private TimerHandle timer;
    /** The limit in seconds, for the TimeoutException's message. */
    private double limit;
    private int filled;
    private boolean expired;
    /** How many finished inputs the async iteration announced; the last one announced may be untaken. */
    private int announced;
    private boolean taken = true;
    private boolean closed;
    /** Iterated asynchronously: the caller reads the given futures, so the proxies' failures are nobody's to report. */
    private boolean iterated;
    private Future<Boolean> asked;

    private AsCompleted(EventLoop loop, List<? extends Future<? extends T>> inputs) {
        this.loop = loop;
        this.inputs = inputs;
        this.slots = new ArrayList<>(inputs.size());
        this.finished = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            slots.add(new Future<>(loop));
        }
    }

    static <T> CompletionOrder<T> start(EventLoop loop, List<? extends Future<? extends T>> inputs, double timeout) {
        AsCompleted<T> call = new AsCompleted<>(loop, inputs);
        for (Future<? extends T> input : inputs) {
            input.addCallback(call);
        }
        if (timeout != Double.POSITIVE_INFINITY && !inputs.isEmpty()) {
            call.limit = timeout;
            call.timer = loop.callLater(timeout, call::expire);
        }
        return new CompletionOrder<>(List.copyOf(call.slots), call);
    }

    @Override
    public void accept(Future<? extends T> input) {
        if (filled == slots.size()) {
            return;
        }
        finished.add(input);
        Future<T> slot = slots.get(filled++);
        slot.adoptOutcome(input);
        if (iterated) {
            quiet(slot);
        }
        if (filled == slots.size() && timer != null) {
            timer.cancel();
        }
        answer();
    }

    Future<Boolean> hasNext() {
        if (!iterated) {
            iterated = true;
            slots.forEach(AsCompleted::quiet);
        }
        if (!taken) {
            return Answers.TRUE;
        }
        if (closed || announced == inputs.size()) {
            return Answers.FALSE;
        }
        if (announced < finished.size()) {
            announced++;
            taken = false;
            return Answers.TRUE;
        }
        if (expired) {
            Future<Boolean> failed = new Future<>(loop);
            failed.setException(timedOut());
            return failed;
        }
        if (asked == null || asked.done()) {
            asked = new Future<>(loop);
        }
        return asked;
    }

    Future<? extends T> next() {
        if (taken) {
            throw new NoSuchElementException("next() without an element: await hasNext() and check that it is true");
        }
        taken = true;
        return finished.get(announced - 1);
    }

    void close() {
        closed = true;
        if (asked != null && !asked.done()) {
            asked.setResult(Boolean.FALSE);
        }
    }

    private void answer() {
        Future<Boolean> waiting = asked;
        if (waiting == null || waiting.done()) {
            return;
        }
        asked = null;
        if (expired) {
            waiting.setException(timedOut());
        } else {
            announced++;
            taken = false;
            waiting.setResult(Boolean.TRUE);
        }
    }

    private void expire() {
        for (Future<? extends T> input : inputs) {
            input.removeDoneCallback(this);
        }
        TimeoutException timeout = timedOut();
        while (filled < slots.size()) {
            Future<T> slot = slots.get(filled++);
            slot.finishException(timeout);
            if (iterated) {
                quiet(slot);
            }
        }
        expired = true;
        answer();
    }

    /** Counts a failed proxy's exception as seen (the async iteration reports failures its own way). */
    private static void quiet(Future<?> slot) {
        if (slot.failed()) {
            slot.exception();
        }
    }

    private TimeoutException timedOut() {
        return TimeoutException.after(limit, ": asCompleted has " + (inputs.size() - finished.size())
                + " futures still pending");
    }
}
