package org.jasyncio.internal.loop;

/**
 * How the loop names a callback in handles, error reports and slow-callback warnings. Internal to
 * jasyncio: not for users.
 */
public final class CallbackDescription {

    private static final String LAMBDA_MARKER = "$$Lambda";

    private CallbackDescription() {
    }

    /**
     * Describes {@code callback}: a lambda or method reference as {@code "lambda in Outer"} (its
     * generated class name says nothing useful), anything else (a task step, say) by its
     * {@code toString()}.
     */
    public static String of(Object callback) {
        Class<?> type = callback.getClass();
        if (type.isSynthetic() || type.isHidden()) {
            String name = type.getName();
            int marker = name.indexOf(LAMBDA_MARKER);
            String declaring = marker < 0 ? name : name.substring(0, marker);
            return "lambda in " + declaring.substring(declaring.lastIndexOf('.') + 1);
        }
        return String.valueOf(callback);
    }
}
