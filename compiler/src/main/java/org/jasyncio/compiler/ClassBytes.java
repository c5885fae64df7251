package org.jasyncio.compiler;

/**
 * Where the compiler reads the class files of other classes, to learn their supertypes when
 * it computes stack map frames. The agent answers from the defining class loader's
 * resources, the Maven plugin from the project's classpath. The compiler never loads a class.
 */
@FunctionalInterface
public interface ClassBytes {

    /**
     * Returns the class file of {@code internalName} (such as {@code java/util/List}), or
     * {@code null} when it cannot be found; the compiler then warns and assumes
     * {@code java/lang/Object} as the common supertype.
     */
    byte[] find(String internalName);
}
