package org.jasyncio.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jasyncio.compiler.ClassBytes;

/**
 * Reads class files through the loader that is defining the class being rewritten, so that
 * frames are computed from exactly the classes that code will link against; the JDK's classes
 * come from the platform loader when the defining loader does not delegate to it.
 */
final class LoaderClassBytes implements ClassBytes {

    private final ClassLoader loader;

    LoaderClassBytes(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public byte[] find(String internalName) {
        String resource = internalName + ".class";
        byte[] bytes = read(loader, resource);
        return bytes != null ? bytes : read(ClassLoader.getPlatformClassLoader(), resource);
    }

    private static byte[] read(ClassLoader from, String resource) {
        try (InputStream in = from.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("jasyncio: cannot read " + resource, e);
        }
    }
}
