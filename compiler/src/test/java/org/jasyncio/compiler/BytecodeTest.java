package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/** What the rewritten class file looks like: debug information kept, idempotent, old and new class versions. */
class BytecodeTest {

    static final String SOURCE = """
            package fx;
            import org.jasyncio.*;
            import static org.jasyncio.AsyncIO.*;

            public class Debuggable {
                @Async public static Task<Integer> steps(int start) {
                    int first = start + 1;
                    int second = await(Later.value(first)) * 2;
                    String label = "v" + second;
                    int third = await(Later.value(label.length()));
                    return Task.completed(third + second);
                }

                @Async public static Task<Void> failsAfterResuming() {
                    await(Later.value(0));
                    throw new IllegalStateException("after resume");
                }

                public static int plain(int x) { return x + 1; }
            }
            """;

    static final String PLAIN = """
            package fx;
            public class Plain {
                public static int twice(int x) { return 2 * x; }
            }
            """;

    private static MethodNode method(byte[] bytes, String name) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    private static Set<Integer> lines(MethodNode method) {
        Set<Integer> lines = new TreeSet<>();
        method.instructions.forEach(insn -> {
            if (insn instanceof LineNumberNode line) {
                lines.add(line.line);
            }
        });
        return lines;
    }

    @Test
    void lineNumbersAndLocalVariableNamesAreKept() {
        Fixtures fx = Fixtures.compile("Debuggable", SOURCE).rewrite();
        Set<Integer> before = lines(method(fx.original("fx/Debuggable"), "steps"));
        MethodNode body = method(fx.rewritten("fx/Debuggable"), "steps$async");
        assertEquals(before, lines(body), "the body keeps every source line, and only those");
        Set<String> names = body.localVariables.stream().map(l -> l.name).collect(Collectors.toSet());
        assertTrue(names.containsAll(List.of("start", "first", "second", "label", "third")), names.toString());
        List<LocalVariableNode> entryLocals = method(fx.rewritten("fx/Debuggable"), "steps").localVariables;
        assertEquals(List.of("start"), entryLocals.stream().map(l -> l.name).toList());
    }

    @Test
    void aStackTraceAfterResumingShowsTheUsersSourceLine() {
        Fixtures fx = Fixtures.compile("Debuggable", SOURCE).load();
        IllegalStateException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> fx.run("fx.Debuggable", "failsAfterResuming"));
        StackTraceElement top = thrown.getStackTrace()[0];
        assertEquals("Debuggable.java", top.getFileName());
        assertEquals(16, top.getLineNumber());
        // the failure escaped a resumed body: its trace reads like the synchronous program's (AsyncStackTrace)
        assertEquals("failsAfterResuming", top.getMethodName());
    }

    @Test
    void rewritingARewrittenClassIsANoOp() {
        Fixtures fx = Fixtures.compile("Debuggable", SOURCE).rewrite();
        byte[] once = fx.rewritten("fx/Debuggable");
        Result again = new AsyncCompiler(name -> null).rewrite(once);
        assertSame(once, again.bytes());
        assertFalse(again.changed());
        assertEquals(List.of(), again.diagnostics());
    }

    @Test
    void aClassRewrittenForAnotherProtocolIsRefusedNamingIt() {
        Fixtures fx = Fixtures.compile("Debuggable", SOURCE).rewrite();
        ClassNode older = new ClassNode();
        new ClassReader(fx.rewritten("fx/Debuggable")).accept(older, 0);
        older.invisibleAnnotations.stream().filter(a -> a.desc.equals("Lorg/jasyncio/internal/Rewritten;"))
                .forEach(a -> a.values.set(1, RuntimeNames.PROTOCOL_VERSION - 1));
        ClassWriter writer = new ClassWriter(0);
        older.accept(writer);
        byte[] rewrittenBefore = writer.toByteArray();
        Result result = new AsyncCompiler(name -> null).rewrite(rewrittenBefore);
        assertTrue(result.failed());
        assertSame(rewrittenBefore, result.bytes());
        assertEquals("Debuggable.java: fx.Debuggable: rewritten already by another jasyncio version (coroutine protocol "
                + (RuntimeNames.PROTOCOL_VERSION - 1) + "; this version's is " + RuntimeNames.PROTOCOL_VERSION
                + "), whose calls into the runtime this version does not have: compile it again from its source",
                result.diagnostics().get(0).toString());
    }

    @Test
    void classesWithoutAsyncAreFoundCheaplyAndReturnedUntouched() {
        Fixtures fx = Fixtures.compile(Map.of("fx.Plain", PLAIN), null).rewrite();
        byte[] plain = fx.original("fx/Plain");
        assertFalse(AsyncCompiler.mayNeedRewrite(plain));
        assertTrue(AsyncCompiler.mayNeedRewrite(fx.original("fx/Later")), "Later calls AsyncIO");
        Result result = new AsyncCompiler(name -> null).rewrite(plain);
        assertSame(plain, result.bytes());
        assertEquals(0, result.rewrittenMethods());
    }

    @Test
    void everySupportedReleaseIsRewrittenAndRuns() {
        for (String release : List.of("8", "11", "17")) {
            String source = SOURCE.replace("public class Debuggable", "public class Debuggable" + release);
            Fixtures fx = Fixtures.compile(Map.of("fx.Debuggable" + release, source), release).load();
            assertEquals(52 + Integer.parseInt(release) - 8,
                    new ClassReader(fx.rewritten("fx/Debuggable" + release)).readShort(6));
            assertEquals(12 + "v12".length(), (int) fx.run("fx.Debuggable" + release, "steps", 5), "release " + release);
        }
    }

    /**
     * Java 26 to 28 cannot run here, so their class files are synthesised: javac's class
     * rewritten by ASM with the newer version. Each is rewritten exactly as the class of the
     * JDK that runs the tests (the same bytes but for the version) and passes CheckClassAdapter.
     */
    @Test
    void classFilesOfEveryVersionAsmReadsAreRewritten() {
        Fixtures fx = Fixtures.compile("Debuggable", SOURCE).rewrite();
        byte[] original = fx.original("fx/Debuggable");
        int runningVersion = new ClassReader(original).readShort(6);
        AsyncCompiler compiler = new AsyncCompiler(fx::classBytes);
        byte[] rewrittenHere = compiler.rewrite(withVersion(original, runningVersion)).bytes();
        ClassLoader originals = new ClassLoader("originals", BytecodeTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = fx.original(name.replace('.', '/'));
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        for (int version : new int[] {Opcodes.V26, Opcodes.V27, Opcodes.V28}) {
            Result result = compiler.rewrite(withVersion(original, version));
            assertTrue(result.changed(), "version " + version + ": " + result.diagnostics());
            assertEquals(version, new ClassReader(result.bytes()).readShort(6));
            StringWriter problems = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(result.bytes()), originals, false, new PrintWriter(problems));
            assertEquals("", problems.toString(), "version " + version);
            byte[] asRunningVersion = result.bytes().clone();
            asRunningVersion[6] = rewrittenHere[6];
            asRunningVersion[7] = rewrittenHere[7];
            assertArrayEquals(rewrittenHere, asRunningVersion, "version " + version + " is rewritten differently");
        }
    }

    @Test
    void aClassFileNewerThanAsmReadsIsRefusedNamingTheClassAndItsSource() {
        Fixtures fx = Fixtures.compile("Debuggable", SOURCE).rewrite();
        byte[] future = fx.original("fx/Debuggable").clone();
        future[6] = 0;
        future[7] = (byte) (Opcodes.V28 + 1);
        Result result = new AsyncCompiler(name -> null).rewrite(future);
        assertTrue(result.failed());
        assertSame(future, result.bytes());
        assertEquals("Debuggable.java: fx.Debuggable: class file version 73 (Java 29) is newer than this jasyncio can "
                + "read: upgrade jasyncio or compile with an older --release", result.diagnostics().get(0).toString());
    }

    /** The class file as ASM writes it with another version, its constant pool kept. */
    private static byte[] withVersion(byte[] classFile, int version) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int ignored, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(version, access, name, signature, superName, interfaces);
            }
        }, 0);
        return writer.toByteArray();
    }

    @Test
    void garbageIsADiagnosticNotACrash() {
        for (byte[] garbage : List.of(new byte[0], new byte[] {(byte) 0xCA, (byte) 0xFE}, "not a class".getBytes())) {
            assertTrue(AsyncCompiler.mayNeedRewrite(garbage));
            Result result = new AsyncCompiler(name -> null).rewrite(garbage);
            assertTrue(result.failed());
            assertNotNull(result.diagnostics().get(0).message());
            assertArrayEquals(garbage, result.bytes());
        }
    }
}
