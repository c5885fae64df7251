package org.jasyncio.compiler;

import java.util.List;

/**
 * What {@link AsyncCompiler#rewrite} made of one class file.
 *
 * @param className        the class, in binary form, or {@code null} when the bytes were not a class file
 * @param bytes            the class file to use: the input itself when nothing changed (untouched
 *                         class, already rewritten, or refused as a whole), else the rewritten class
 * @param changed          whether {@link #bytes()} differ from the input
 * @param rewrittenMethods how many {@code @Async} methods were rewritten
 * @param diagnostics      refusals and warnings, in source order
 */
public record Result(String className, byte[] bytes, boolean changed, int rewrittenMethods,
                     List<Diagnostic> diagnostics) {

    public Result {
        diagnostics = List.copyOf(diagnostics);
    }

    /** The input, unchanged, with what was found. */
    static Result unchanged(String className, byte[] input, List<Diagnostic> diagnostics) {
        return new Result(className, input, false, 0, diagnostics);
    }

    /**
     * True when at least one diagnostic is an error. A refused class (unreadable, of an
     * unsupported version, too large once rewritten) is returned as it was; within a readable
     * class each refused method is left unrewritten, its {@code await} throwing
     * {@code IllegalStateException} with its refusal, and the other methods are rewritten.
     */
    public boolean failed() {
        return diagnostics.stream().anyMatch(d -> d.kind() == Diagnostic.Kind.ERROR);
    }
}
