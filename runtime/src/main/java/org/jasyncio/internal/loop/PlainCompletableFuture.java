package org.jasyncio.internal.loop;

import java.util.concurrent.CompletableFuture;

/**
 * Which completion stages jasyncio may ask directly ({@code isDone}, {@code getNow}, {@code cancel})
 * and which only through {@link java.util.concurrent.CompletionStage}'s own methods. Internal to
 * jasyncio: not for users.
 *
 * <p>Only a stage of exactly the class {@link CompletableFuture} is asked directly. A subclass may
 * restrict or change those methods: the JDK's own {@link CompletableFuture#minimalCompletionStage()}
 * is one, and throws {@link UnsupportedOperationException} from {@code isDone()}. Every other stage,
 * subclasses and hand-written implementations alike, is awaited through {@code whenComplete}.
 */
public final class PlainCompletableFuture {
    private PlainCompletableFuture() {
    }

    /**
     * @param stage any object
     * @return whether {@code stage} is a {@link CompletableFuture} and no subclass of it
     */
    public static boolean is(Object stage) {
        return stage != null && stage.getClass() == CompletableFuture.class;
    }
}
