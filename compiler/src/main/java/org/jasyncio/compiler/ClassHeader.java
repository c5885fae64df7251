package org.jasyncio.compiler;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

/**
 * The name and source file of a class file ASM could not read, so that the refusal says which
 * class and which source it is about. When only a copy claiming to be a Java 8 class file
 * reads, the class is fine and only its version is newer than this jasyncio's ASM reads.
 *
 * @param name                  the internal name, or {@code null} when the file is unreadable up to {@code this_class}
 * @param sourceFile            the {@code SourceFile} attribute, or {@code null}
 * @param onlyVersionUnreadable true when the class reads once its version is set to 52
 */
record ClassHeader(String name, String sourceFile, boolean onlyVersionUnreadable) {

    static ClassHeader of(byte[] classFile) {
        ClassNode header = readWithoutCode(classFile);
        if (header != null) {
            return new ClassHeader(header.name, header.sourceFile, false);
        }
        byte[] asJava8 = classFile.clone();
        asJava8[4] = 0;
        asJava8[5] = 0;
        asJava8[6] = 0;
        asJava8[7] = (byte) Opcodes.V1_8;
        header = readWithoutCode(asJava8);
        return header == null ? new ClassHeader(nameOnly(classFile), null, false)
                : new ClassHeader(header.name, header.sourceFile, true);
    }

    /** The name alone, when the file is intact up to {@code this_class} but not beyond. */
    private static String nameOnly(byte[] classFile) {
        try {
            return new ClassReader(classFile).getClassName();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static ClassNode readWithoutCode(byte[] classFile) {
        try {
            ClassNode header = new ClassNode();
            new ClassReader(classFile).accept(header, ClassReader.SKIP_CODE);
            return header;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
