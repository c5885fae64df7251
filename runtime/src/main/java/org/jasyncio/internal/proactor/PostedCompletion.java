package org.jasyncio.internal.proactor;

import java.nio.channels.CompletionHandler;
import java.util.function.BiConsumer;

/**
 * The handler of one kind of operation of which one at a time is outstanding (a transport's read, its
 * write): a group thread records the outcome and posts this to the loop, which hands it to the
 * transport. Reusing one handler per operation keeps completions allocation-free. Internal to jasyncio.
 *
 * @param <V> the operation's result
 */
final class PostedCompletion<V> implements CompletionHandler<V, Void>, Runnable {

    private final ProactorDriver driver;
    private final BiConsumer<V, Throwable> onLoop;
    /** Written by a group thread before posting; the loop's inbox makes them visible to the loop. */
    private V result;
    private Throwable failure;

    /** Delivers each outcome to {@code onLoop} (the result and {@code null}, or {@code null} and the failure) on the loop's thread. */
    PostedCompletion(ProactorDriver driver, BiConsumer<V, Throwable> onLoop) {
        this.driver = driver;
        this.onLoop = onLoop;
    }

    @Override
    public void completed(V value, Void attachment) {
        result = value;
        failure = null;
        driver.post(this);
    }

    @Override
    public void failed(Throwable exception, Void attachment) {
        result = null;
        failure = exception;
        driver.post(this);
    }

    @Override
    public void run() {
        onLoop.accept(result, failure);
    }
}
