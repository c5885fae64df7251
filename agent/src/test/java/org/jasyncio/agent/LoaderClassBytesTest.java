package org.jasyncio.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class LoaderClassBytesTest {

    /** A loader that delegates to nobody and knows one class file. */
    private static final ClassLoader ISOLATED = new ClassLoader(null) {
        @Override
        public InputStream getResourceAsStream(String name) {
            return name.equals("demo/Known.class") ? new ByteArrayInputStream(new byte[] {7}) : null;
        }
    };

    @Test
    void readsTheDefiningLoadersClassFiles() {
        assertArrayEquals(new byte[] {7}, new LoaderClassBytes(ISOLATED).find("demo/Known"));
        assertNull(new LoaderClassBytes(ISOLATED).find("demo/Unknown"));
    }

    @Test
    void findsJdkClassesEvenThroughALoaderThatDoesNotDelegate() {
        assertNotNull(new LoaderClassBytes(ISOLATED).find("java/util/concurrent/CompletionStage"));
        assertNotNull(new LoaderClassBytes(ISOLATED).find("java/sql/Connection"));
    }
}
