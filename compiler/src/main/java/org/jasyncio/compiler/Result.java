package org.jasyncio.compiler;

import java.util.List;

/**
 * What {@link AsyncCompiler#rewrite} made of one class file.
 *
 * @param className        the class, in binary form, or {@code null} when the bytes were not a class file
 * @param bytes            the class file to use: the rewritten one, or the input itself when
 *                         nothing was rewritten (untouched class, already rewritten, or refused)
 * @param rewrittenMethods how many {@code @Async} methods were rewritten
 * @param diagnostics      refusals and warnings, in source order
 */
public record Result(String className, byte[] bytes, int rewrittenMethods, List<Diagnostic> diagnostics) {

    public Result {
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when {@link #bytes()} differ from the input. */
    public boolean changed() {
        return rewrittenMethods > 0;
    }

    /** True when at least one diagnostic is an error; the class is then returned as it was. */
    public boolean failed() {
        return diagnostics.stream().anyMatch(d -> d.kind() == Diagnostic.Kind.ERROR);
    }
}
