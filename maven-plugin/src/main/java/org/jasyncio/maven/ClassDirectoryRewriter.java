package org.jasyncio.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.Result;

/**
 * Rewrites the selected class files of one directory in place. A file is written only when
 * the compiler changed it, so a class already rewritten by an earlier build (the compiler
 * leaves those as they are) keeps its timestamp and an unchanged project costs one read per
 * class file.
 */
final class ClassDirectoryRewriter {

    private final AsyncCompiler compiler;
    private final ClassFileSelection selection;

    ClassDirectoryRewriter(AsyncCompiler compiler, ClassFileSelection selection) {
        this.compiler = compiler;
        this.selection = selection;
    }

    RewriteReport rewrite(Path classesDirectory) throws IOException {
        List<RewriteReport.RewrittenClass> rewritten = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Path file : selectedFiles(classesDirectory)) {
            byte[] original = Files.readAllBytes(file);
            if (!AsyncCompiler.mayNeedRewrite(original)) {
                continue;
            }
            Result result = compiler.rewrite(original);
            String fromPath = classNameOf(classesDirectory, file);
            result.diagnostics().forEach(d -> diagnostics.add(d.about(fromPath)));
            if (result.changed() && !result.failed()) {
                Files.write(file, result.bytes());
                rewritten.add(new RewriteReport.RewrittenClass(result.className(), result.rewrittenMethods()));
            }
        }
        return new RewriteReport(rewritten, diagnostics);
    }

    /** Sorted, so that the log and the diagnostics come out in the same order on every build. */
    private List<Path> selectedFiles(Path classesDirectory) throws IOException {
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> selection.selects(relativePath(classesDirectory, f)))
                    .sorted()
                    .toList();
        }
    }

    /** {@code demo/Greeter.class} → {@code demo.Greeter}: names a class file the compiler could not read. */
    private static String classNameOf(Path directory, Path file) {
        String path = relativePath(directory, file);
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    private static String relativePath(Path directory, Path file) {
        return directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
