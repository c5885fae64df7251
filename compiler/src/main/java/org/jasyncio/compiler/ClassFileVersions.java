package org.jasyncio.compiler;

/**
 * The class file versions the compiler rewrites: from Java 8, whose {@code invokespecial} of
 * a private instance method and stack map frames the generated code relies on, to every newer
 * version that this ASM reads (a newer one fails to read and is reported as such).
 */
final class ClassFileVersions {

    static final int MIN = 52;

    private ClassFileVersions() {
    }

    /** Java's name for a class file major version: 52 is Java 8, 69 is Java 25. */
    static int javaVersion(int classFileVersion) {
        return classFileVersion - 44;
    }
}
