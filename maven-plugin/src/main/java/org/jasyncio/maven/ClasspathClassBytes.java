package org.jasyncio.maven;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jasyncio.compiler.ClassBytes;

/**
 * Reads class files from a project's classpath (directories and jars, in classpath order) and
 * then from the JDK that runs Maven, so that the compiler computes frames from the classes the
 * project really compiles against. Jars are opened on first use and closed by {@link #close}.
 */
final class ClasspathClassBytes implements ClassBytes, Closeable {

    private final List<Path> entries;
    private final boolean[] isDirectory;
    private final ZipFile[] openJars;

    ClasspathClassBytes(List<Path> entries) {
        this.entries = List.copyOf(entries);
        this.isDirectory = new boolean[entries.size()];
        for (int i = 0; i < isDirectory.length; i++) {
            isDirectory[i] = Files.isDirectory(entries.get(i));
        }
        this.openJars = new ZipFile[entries.size()];
    }

    @Override
    public synchronized byte[] find(String internalName) {
        String resource = internalName + ".class";
        try {
            for (int i = 0; i < entries.size(); i++) {
                byte[] bytes = isDirectory[i] ? readFile(entries.get(i).resolve(resource)) : readJarEntry(i, resource);
                if (bytes != null) {
                    return bytes;
                }
            }
            try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(resource)) {
                return in == null ? null : in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("jasyncio: cannot read " + resource + " from the classpath", e);
        }
    }

    private static byte[] readFile(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    private byte[] readJarEntry(int index, String resource) throws IOException {
        ZipFile jar = openJars[index];
        if (jar == null) {
            if (!Files.isRegularFile(entries.get(index))) {
                return null;
            }
            jar = openJars[index] = new ZipFile(entries.get(index).toFile());
        }
        ZipEntry entry = jar.getEntry(resource);
        if (entry == null) {
            return null;
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        IOException failure = null;
        for (int i = 0; i < openJars.length; i++) {
            if (openJars[i] != null) {
                try {
                    openJars[i].close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
                openJars[i] = null;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
