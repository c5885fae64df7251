package org.jasyncio.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/** The jar a user puts on the processor path: self-contained, its ASM relocated, the processor declared. */
class ProcessorJarIT {

    @Test
    void isSelfContainedWithItsAsmRelocated() throws IOException {
        try (JarFile jar = new JarFile(Jdk.processorJar().toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            assertTrue(names.contains("org/jasyncio/javac/AsyncProcessor.class"));
            assertTrue(names.contains("org/jasyncio/compiler/AsyncCompiler.class"));
            assertTrue(names.contains("org/jasyncio/javac/shaded/asm/ClassReader.class"));
            assertTrue(names.contains("org/jasyncio/javac/shaded/asm/tree/analysis/Analyzer.class"));
            assertFalse(names.stream().anyMatch(n -> n.startsWith("org/objectweb/")), "unrelocated ASM");
            assertFalse(names.stream().anyMatch(n -> n.endsWith("module-info.class")), "a module descriptor");
            try (InputStream service = jar.getInputStream(jar.getEntry("META-INF/services/javax.annotation.processing.Processor"))) {
                assertEquals("org.jasyncio.javac.AsyncProcessor", new String(service.readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        }
    }
}
