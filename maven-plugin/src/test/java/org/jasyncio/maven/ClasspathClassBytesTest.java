package org.jasyncio.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathClassBytesTest {

    @TempDir
    Path work;

    @Test
    void readsDirectoriesAndJarsInClasspathOrder() throws IOException {
        Path first = Files.createDirectories(work.resolve("first/com/example"));
        Files.write(first.resolve("A.class"), new byte[] {1});
        Path jar = jar(work.resolve("lib.jar"), "com/example/A.class", new byte[] {2}, "com/example/B.class", new byte[] {3});
        try (ClasspathClassBytes classBytes = new ClasspathClassBytes(List.of(work.resolve("first"), jar))) {
            assertArrayEquals(new byte[] {1}, classBytes.find("com/example/A"));
            assertArrayEquals(new byte[] {3}, classBytes.find("com/example/B"));
            assertNull(classBytes.find("com/example/Missing"));
        }
    }

    @Test
    void fallsBackToTheJdkAndIgnoresMissingEntries() throws IOException {
        try (ClasspathClassBytes classBytes = new ClasspathClassBytes(List.of(work.resolve("absent"), work.resolve("absent.jar")))) {
            byte[] list = classBytes.find("java/util/List");
            assertNotNull(list);
            assertEquals(0xCAFEBABE, (list[0] & 0xff) << 24 | (list[1] & 0xff) << 16 | (list[2] & 0xff) << 8 | (list[3] & 0xff));
            assertNotNull(classBytes.find("java/sql/Connection"), "classes of JDK modules other than java.base");
        }
    }

    private static Path jar(Path file, Object... namesAndContents) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                zip.write((byte[]) namesAndContents[i + 1]);
                zip.closeEntry();
            }
        }
        return file;
    }
}
