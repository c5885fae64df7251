package org.jasyncio.javac;

import java.io.IOException;
import java.nio.file.Files;

import javax.lang.model.element.TypeElement;

import com.sun.source.tree.CompilationUnitTree;

import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.ClassBytes;
import org.jasyncio.compiler.CompilerOptions;
import org.jasyncio.compiler.Result;

/**
 * Rewrites one class file javac has just written, in place, and reports what the compiler
 * said about it. A class the compiler refuses loses its class file, as a class with a javac
 * error has none: otherwise a build tool would take the unrewritten file for up to date and
 * the next build would pass without reporting the refusal.
 */
final class OutputClassRewriter {

    private final ClassOutput output;
    private final AsyncCompiler compiler;
    private final RefusalReporter reporter;

    OutputClassRewriter(ClassOutput output, ClassBytes hierarchy, RefusalReporter reporter, CompilerOptions options) {
        this.output = output;
        this.compiler = new AsyncCompiler(hierarchy, options);
        this.reporter = reporter;
    }

    void rewrite(TypeElement type, CompilationUnitTree unit) {
        try {
            ClassOutput.ClassFile file = output.of(type, unit == null ? null : unit.getSourceFile());
            byte[] original = file.read();
            if (!AsyncCompiler.mayNeedRewrite(original)) {
                return;
            }
            Result result = compiler.rewrite(original);
            result.diagnostics().forEach(d -> reporter.report(d, type, unit));
            if (file.path() == null) {
                if (result.changed() || result.failed()) {
                    reporter.error(type, "javac keeps its class files at " + file.uri() + ", not on a file system, "
                            + "so the rewritten class cannot be written back: use the jasyncio Maven plugin or agent");
                }
            } else if (result.failed()) {
                Files.deleteIfExists(file.path());
            } else if (result.changed()) {
                Files.write(file.path(), result.bytes());
            }
        } catch (IOException | RuntimeException failed) {
            // An exception out of a task listener would be reported as a crash of javac itself.
            reporter.error(type, "cannot rewrite the class file of " + type.getQualifiedName() + ": " + failed);
        }
    }
}
