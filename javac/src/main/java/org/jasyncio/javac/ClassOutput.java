package org.jasyncio.javac;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Finds the class file javac has just written for a class. The {@link Filer} names where
 * {@code -d} puts it; without {@code -d}, javac writes it next to its source file instead.
 */
final class ClassOutput {

    /**
     * One class file javac wrote. The {@link Filer} opens javac's own output for reading only,
     * so a rewritten class is written back with {@link Files}, which needs a file system path.
     *
     * @param location where the {@link Filer} says the file is
     * @param path     the file on the file system, or {@code null} when javac's file manager
     *                 keeps its output elsewhere (in memory, say)
     */
    record ClassFile(FileObject location, Path path) {

        byte[] read() throws IOException {
            if (path != null) {
                return Files.readAllBytes(path);
            }
            try (InputStream in = location.openInputStream()) {
                return in.readAllBytes();
            }
        }

        URI uri() {
            return path != null ? path.toUri() : location.toUri();
        }
    }

    private final Filer filer;
    private final Elements elements;

    ClassOutput(Filer filer, Elements elements) {
        this.filer = filer;
        this.elements = elements;
    }

    /** @throws IOException when the {@link Filer} cannot name a file for the class */
    ClassFile of(TypeElement type, JavaFileObject source) throws IOException {
        String packageName = elements.getPackageOf(type).getQualifiedName().toString();
        String binaryName = elements.getBinaryName(type).toString();
        String fileName = (packageName.isEmpty() ? binaryName : binaryName.substring(packageName.length() + 1)) + ".class";
        FileObject output = filer.getResource(StandardLocation.CLASS_OUTPUT, packageName, fileName);
        Path underOutput = pathOf(output.toUri());
        if (underOutput == null || Files.isRegularFile(underOutput)) {
            return new ClassFile(output, underOutput);
        }
        Path sourceFile = source == null ? null : pathOf(source.toUri());
        Path besideSource = sourceFile == null ? null : sourceFile.resolveSibling(fileName);
        return new ClassFile(output, besideSource != null && Files.isRegularFile(besideSource) ? besideSource : underOutput);
    }

    private static Path pathOf(URI uri) {
        return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
    }
}
