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
     * {@code null} when it cannot be found; the compiler then warns and takes
     * the class's supertype from the frames javac wrote where its values meet another type
     * ({@code java/lang/Object} when they say nothing).
     */
    byte[] find(String internalName);
}
