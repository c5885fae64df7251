package org.jasyncio.maven;

import java.util.List;

import org.jasyncio.compiler.Diagnostic;

/**
 * What rewriting one classes directory did.
 *
 * @param rewritten   the classes whose files were rewritten, in the order they were found
 * @param diagnostics every refusal and warning, class by class
 */
record RewriteReport(List<RewrittenClass> rewritten, List<Diagnostic> diagnostics) {

    /** One rewritten class: its binary name and how many of its methods were rewritten. */
    record RewrittenClass(String className, int methods) {
    }

    RewriteReport {
        rewritten = List.copyOf(rewritten);
        diagnostics = List.copyOf(diagnostics);
    }

    int rewrittenMethods() {
        return rewritten.stream().mapToInt(RewrittenClass::methods).sum();
    }

    List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).toList();
    }

    List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> d.kind() == Diagnostic.Kind.WARNING).toList();
    }
}
