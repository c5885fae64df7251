package org.jasyncio.javac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/** The class file headers the compiler gets are javac's model of each class, found by binary name. */
class ModelClassBytesTest {

    static final String OUTER = """
            package m;

            import java.util.ArrayList;

            public class Outer {
                public static class Inner extends ArrayList<String> implements Runnable {
                    public void run() {}
                }

                interface Marker extends Runnable {}

                Object local() {
                    class Local extends Inner {}
                    new Local();
                    return new Marker() { public void run() {} };
                }
            }

            class Top$Level extends Outer {}
            """;

    static ModelClassBytes model;

    @BeforeAll
    static void analyse(@TempDir Path work) throws IOException {
        List<String> sources = Sources.write(work.resolve("src"), Map.of("m/Outer.java", OUTER));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        JavacTask task = (JavacTask) javac.getTask(null, files, null, List.of("-proc:none"), null,
                files.getJavaFileObjectsFromStrings(sources));
        SourceIndex index = new SourceIndex(Trees.instance(task), task.getElements());
        for (Element analysed : task.analyze()) {
            index.index((TypeElement) analysed);
        }
        model = new ModelClassBytes(task.getElements(), index);
    }

    @Test
    void aMemberClassByItsBinaryName() {
        ClassReader inner = header("m/Outer$Inner");
        assertEquals("java/util/ArrayList", inner.getSuperName());
        assertArrayEquals(new String[] {"java/lang/Runnable"}, inner.getInterfaces());
        assertEquals(0, inner.getAccess() & Opcodes.ACC_INTERFACE);
    }

    @Test
    void anInterfaceExtendsObjectAndItsSuperinterfaces() {
        ClassReader marker = header("m/Outer$Marker");
        assertTrue((marker.getAccess() & Opcodes.ACC_INTERFACE) != 0);
        assertEquals("java/lang/Object", marker.getSuperName());
        assertArrayEquals(new String[] {"java/lang/Runnable"}, marker.getInterfaces());
    }

    @Test
    void localAndAnonymousClassesFromTheIndexedSources() {
        assertEquals("m/Outer$Inner", header("m/Outer$1Local").getSuperName());
        ClassReader anonymous = header("m/Outer$1");
        assertEquals("java/lang/Object", anonymous.getSuperName());
        assertArrayEquals(new String[] {"m/Outer$Marker"}, anonymous.getInterfaces());
    }

    @Test
    void aTopLevelClassWhoseNameHoldsADollar() {
        assertEquals("m/Outer", header("m/Top$Level").getSuperName());
    }

    @Test
    void classesOfThePlatform() {
        assertEquals("java/util/AbstractList", header("java/util/ArrayList").getSuperName());
        assertEquals("java/util/AbstractMap", header("java/util/HashMap").getSuperName());
    }

    @Test
    void aClassJavacDoesNotKnowIsMissing() {
        assertNull(model.find("m/Missing"));
        assertNull(model.find("m/Outer$Missing"));
    }

    private static ClassReader header(String internalName) {
        byte[] bytes = model.find(internalName);
        assertTrue(bytes != null, internalName + " not found");
        ClassReader reader = new ClassReader(bytes);
        assertEquals(internalName, reader.getClassName());
        return reader;
    }
}
