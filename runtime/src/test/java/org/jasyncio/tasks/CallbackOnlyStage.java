package org.jasyncio.tasks;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * A {@link CompletionStage} written by hand, as another library's might be, that answers
 * {@code whenComplete} and nothing else: every other stage method throws
 * {@link UnsupportedOperationException}, so a test that awaits it shows jasyncio needs no more.
 */
final class CallbackOnlyStage {
    private final List<BiConsumer<Object, Throwable>> waiting = new ArrayList<>();
    private boolean done;
    private Object value;
    private Throwable failure;

    /** The stage itself. */
    @SuppressWarnings("unchecked")
    final CompletionStage<Object> stage = (CompletionStage<Object>) Proxy.newProxyInstance(
            CompletionStage.class.getClassLoader(), new Class<?>[] {CompletionStage.class}, this::invoke);

    void complete(Object result) {
        finish(result, null);
    }

    void fail(Throwable exception) {
        finish(null, exception);
    }

    private synchronized void finish(Object result, Throwable exception) {
        done = true;
        value = result;
        failure = exception;
        waiting.forEach(action -> action.accept(value, failure));
        waiting.clear();
    }

    @SuppressWarnings("unchecked")
    private synchronized Object invoke(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "whenComplete":
                BiConsumer<Object, Throwable> action = (BiConsumer<Object, Throwable>) args[0];
                if (done) {
                    action.accept(value, failure);
                } else {
                    waiting.add(action);
                }
                return proxy; // should be a new stage; what awaiting needs is the callback alone
            case "toString":
                return "<CallbackOnlyStage done=" + done + ">";
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            default:
                throw new UnsupportedOperationException(method.getName() + " is not supported by this stage");
        }
    }
}
