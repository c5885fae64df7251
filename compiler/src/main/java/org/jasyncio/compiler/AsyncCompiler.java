package org.jasyncio.compiler;

/**
 * Rewrites the {@code @Async} methods of a class file into state machines. Bytes in, bytes
 * out: the compiler does no I/O of its own and is safe to share between threads.
 */
public final class AsyncCompiler {

    private final ClassBytes classpath;

    /** @param classpath where the class files of other classes are read, for frame computation */
    public AsyncCompiler(ClassBytes classpath) {
        this.classpath = classpath;
    }

    /**
     * A cheap test, reading only the constant pool: false means the class has no
     * {@code @Async} method and calls no {@code await}, so {@link #rewrite} would return it
     * untouched.
     */
    public static boolean mayNeedRewrite(byte[] classFile) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Rewrites one class file. Never throws: unreadable input is reported as a diagnostic. */
    public Result rewrite(byte[] classFile) {
        throw new UnsupportedOperationException("in progress");
    }
}
