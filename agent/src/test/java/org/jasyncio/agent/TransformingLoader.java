package org.jasyncio.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Defines the classes of one directory after passing them through a transformer, as the JVM
 * does for an agent, so that the tests exercise the transformer without a second JVM.
 */
final class TransformingLoader extends ClassLoader {

    private final Path classDir;
    private final ClassFileTransformer transformer;

    TransformingLoader(Path classDir, ClassFileTransformer transformer) {
        super("fixtures", TransformingLoader.class.getClassLoader());
        this.classDir = classDir;
        this.transformer = transformer;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                Path file = classDir.resolve(name.replace('.', '/') + ".class");
                loaded = Files.exists(file) ? define(name, file) : getParent().loadClass(name);
            }
            return loaded;
        }
    }

    @Override
    public java.io.InputStream getResourceAsStream(String name) {
        Path file = classDir.resolve(name);
        try {
            return Files.exists(file) ? Files.newInputStream(file) : super.getResourceAsStream(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Class<?> define(String name, Path file) throws ClassNotFoundException {
        try {
            byte[] original = Files.readAllBytes(file);
            byte[] transformed = transformer.transform(this, name.replace('.', '/'), null, null, original);
            byte[] bytes = transformed == null ? original : transformed;
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException | IllegalClassFormatException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
