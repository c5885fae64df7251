package org.jasyncio.internal.loop;

import java.security.CodeSource;
import java.util.Optional;

/**
 * Finds where the user's code called into jasyncio, for debug-mode reports ("created at
 * Foo.java:42"). Internal to jasyncio: not for users.
 *
 * <p>A frame counts as the user's when its class was loaded from somewhere else than the runtime's
 * own classes and is not a platform class; this also works for user code that lives in a package
 * named {@code org.jasyncio...}, such as tests.
 */
public final class SourceLocation {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final Object RUNTIME_LOCATION = locationOf(SourceLocation.class);
    private static final ClassValue<Boolean> IS_USER_CODE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            Object location = locationOf(type);
            return location != null && !location.equals(RUNTIME_LOCATION);
        }
    };

    private SourceLocation() {
    }

    /**
     * Returns {@code "File.java:NN"} for the innermost frame of the caller's stack that belongs to user
     * code, or {@code null} if there is none.
     */
    public static String ofCaller() {
        Optional<StackWalker.StackFrame> frame = WALKER.walk(frames -> frames
                .filter(f -> IS_USER_CODE.get(f.getDeclaringClass()))
                .findFirst());
        return frame.map(f -> f.getFileName() + ":" + f.getLineNumber()).orElse(null);
    }

    private static Object locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }
}
