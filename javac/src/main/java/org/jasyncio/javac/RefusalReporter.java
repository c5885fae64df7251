package org.jasyncio.javac;

import javax.annotation.processing.Messager;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;

import org.jasyncio.compiler.Diagnostic;

/**
 * Turns the compiler's diagnostics into javac's, placed on the tree they are about so that
 * javac prints the file and line (and an IDE underlines it): the {@code await} of the
 * diagnostic's line, else the method around that line, else the class.
 */
final class RefusalReporter {

    private final Trees trees;
    private final Messager messager;
    private final SourceIndex sources;

    RefusalReporter(Trees trees, Messager messager, SourceIndex sources) {
        this.trees = trees;
        this.messager = messager;
        this.sources = sources;
    }

    void report(Diagnostic diagnostic, TypeElement type, CompilationUnitTree unit) {
        Kind kind = diagnostic.kind() == Diagnostic.Kind.ERROR ? Kind.ERROR : Kind.WARNING;
        String message = "jasyncio: " + (diagnostic.className() == null ? "" : diagnostic.className()
                + (diagnostic.method() == null ? "" : "." + diagnostic.method()) + ": ") + diagnostic.message();
        TreePath tree = unit == null || diagnostic.line() <= 0 ? null : sources.treeAt(unit, diagnostic.line());
        if (tree != null) {
            trees.printMessage(kind, message, tree.getLeaf(), tree.getCompilationUnit());
        } else {
            messager.printMessage(kind, message, type);
        }
    }

    /** An error of jasyncio-javac itself about a class, rather than one of the compiler's. */
    void error(TypeElement type, String message) {
        messager.printMessage(Kind.ERROR, "jasyncio: " + message, type);
    }
}
