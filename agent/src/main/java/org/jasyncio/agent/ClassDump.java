package org.jasyncio.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes rewritten class files under a directory, as {@code DIR/pkg/Name.class}, for inspection. */
final class ClassDump {

    private final Path directory;

    ClassDump(Path directory) {
        this.directory = directory;
    }

    void write(String internalName, byte[] classFile) {
        Path file = directory.resolve(internalName + ".class");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, classFile);
        } catch (IOException e) {
            throw new UncheckedIOException("jasyncio: cannot dump " + internalName + " to " + file, e);
        }
    }
}
