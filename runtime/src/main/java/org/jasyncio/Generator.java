package org.jasyncio;

import java.lang.ref.Cleaner;
import java.util.function.Supplier;

/**
 * The consumer's handle on an async generator ({@link AsyncIterator#generate}). Its state lives in
 * a {@link GeneratorRun} that the handle's {@link Cleaner} action holds, so that a generator
 * dropped unfinished is closed on its loop, as asyncio's async-generator finalizer schedules
 * {@code aclose()}.
 *
 * @param <T> the elements
 */
final class Generator<T> implements AsyncIterator<T> {
    private static final Cleaner CLEANER = Cleaner.create();

    private final GeneratorRun<T> run;

    private Generator(GeneratorRun<T> run) {
        this.run = run;
    }

    static <T> Generator<T> start(EventLoop loop, Supplier<? extends Task<Void>> body) {
        GeneratorRun<T> run = new GeneratorRun<>(loop, java.util.Objects.requireNonNull(body, "body"));
        Generator<T> generator = new Generator<>(run);
        EventLoop owner = run.loop;
        CLEANER.register(generator, () -> owner.openGenerators.dropped(owner, run));
        return generator;
    }

    @Override
    public Future<Boolean> hasNext() {
        return run.hasNext();
    }

    @Override
    public T next() {
        return run.next();
    }

    @Override
    public Future<Void> close() {
        return run.close();
    }

    @Override
    public String toString() {
        return run.toString();
    }
}
