package org.jasyncio;

/**
 * The future an async generator's {@code emit} returns: one per generator, reused for every element.
 * The producer parks on it, and the consumer's next {@code hasNext()} runs the parked step at once,
 * inside its own call, as CPython runs a generator's frame inside {@code __anext__}; completing a
 * fresh future per element and waiting for the loop to resume the producer would cost a future and
 * an iteration per element. It stays pending while the generator runs; closing the generator
 * cancels it, which resumes the producer through the loop with {@link CancelledException}.
 */
final class EmitHandover extends Future<Void> {
    /** Set while the parked step is resumed inline: its {@code await} of this future evaluates to null. */
    private boolean resuming;

    EmitHandover(EventLoop loop) {
        super(loop);
    }

    /**
     * Runs the step of the task parked on this future now, its {@code await} evaluating to null.
     *
     * @return false, having run nothing, when anything but one task waits here (a done callback
     *     someone added): then only completing the future resumes them all
     */
    boolean resumeInline() {
        Task<?> parked = takeWaitingTask();
        if (parked == null) {
            return false;
        }
        resuming = true;
        try {
            // a task registered as a callback is its own step (see Future.dispatch)
            ((Runnable) parked).run();
        } finally {
            resuming = false;
        }
        return true;
    }

    @Override
    public Void result() {
        if (resuming) {
            resuming = false;
            return null;
        }
        return super.result();
    }
}
