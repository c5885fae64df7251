package org.jasyncio;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One {@link AsyncIO#asCompleted} call: slot {@code i} takes the outcome of the {@code i}-th
 * input to finish; on timeout every slot still empty fails with {@link TimeoutException}.
 */
final class AsCompleted<T> implements Consumer<Future<? extends T>> {
    private final List<Future<T>> slots;
    private final List<? extends Future<? extends T>> inputs;
    private TimerHandle timer;
    private int filled;

    private AsCompleted(EventLoop loop, List<? extends Future<? extends T>> inputs) {
        this.inputs = inputs;
        this.slots = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            slots.add(new Future<>(loop));
        }
    }

    static <T> List<Future<T>> start(EventLoop loop, List<? extends Future<? extends T>> inputs, double timeout) {
        AsCompleted<T> call = new AsCompleted<>(loop, inputs);
        for (Future<? extends T> input : inputs) {
            input.addCallback(call);
        }
        if (timeout != Double.POSITIVE_INFINITY && !inputs.isEmpty()) {
            call.timer = loop.callLater(timeout, () -> call.expire(timeout));
        }
        return List.copyOf(call.slots);
    }

    @Override
    public void accept(Future<? extends T> input) {
        if (filled == slots.size()) {
            return;
        }
        slots.get(filled++).adoptOutcome(input);
        if (filled == slots.size() && timer != null) {
            timer.cancel();
        }
    }

    private void expire(double timeout) {
        for (Future<? extends T> input : inputs) {
            input.removeDoneCallback(this);
        }
        String detail = ": asCompleted has " + (slots.size() - filled) + " futures still pending";
        while (filled < slots.size()) {
            slots.get(filled++).finishException(TimeoutException.after(timeout, detail));
        }
    }
}
