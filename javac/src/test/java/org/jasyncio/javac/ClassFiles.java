package org.jasyncio.javac;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/** What the tests check in a class file javac and the processor left. */
final class ClassFiles {

    private ClassFiles() {
    }

    static int majorVersion(Path classFile) {
        return node(classFile).version & 0xFFFF;
    }

    /** True when the compiler marked the class as rewritten. */
    static boolean isRewritten(Path classFile) {
        ClassNode node = node(classFile);
        return node.invisibleAnnotations != null
                && node.invisibleAnnotations.stream().anyMatch(a -> a.desc.equals("Lorg/jasyncio/internal/Rewritten;"));
    }

    static byte[] bytes(Path classFile) {
        try {
            return Files.readAllBytes(classFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClassNode node(Path classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes(classFile)).accept(node, ClassReader.SKIP_CODE);
        return node;
    }
}
