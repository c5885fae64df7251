package org.jasyncio.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.Result;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/**
 * The compiler fed what it should never choke on: it never throws, leaves what it cannot
 * rewrite as it was (a refused method's awaits aside, which throw the refusal), and says which
 * class and why.
 */
class BadInputCompilerTest {

    private final AsyncCompiler compiler = new AsyncCompiler(BadInputCompilerTest::jdkOrNull);

    @Test
    void randomBytesAreRefusedWithAReason() {
        for (byte[] garbage : BadInputs.randomBytes(42, 400)) {
            Result result = rewriteQuietly(garbage);
            assertTrue(result.failed(), "garbage accepted");
            assertTrue(result.bytes() == garbage, "garbage must come back as it was");
            Diagnostic refusal = result.diagnostics().get(0);
            assertNotNull(refusal.about("the.CallersName").className(), "a caller can always name the class");
            assertTrue(refusal.message().startsWith("not a class file") || refusal.message().startsWith("not a readable class file")
                    || refusal.message().contains("newer than this jasyncio"), refusal.message());
        }
    }

    @Test
    void everyTruncationIsRefusedNamingTheClassWhenItsHeaderSurvives() {
        byte[] original = BadInputs.asyncClass();
        for (byte[] truncated : BadInputs.truncations(original, 7)) {
            Result result = rewriteQuietly(truncated);
            assertTrue(result.failed(), "a truncation of " + truncated.length + " bytes was accepted");
            assertTrue(result.bytes() == truncated);
            String message = result.diagnostics().get(0).toString();
            assertTrue(message.contains("not a class file") || message.contains("not a readable class file"), message);
        }
    }

    @Test
    void corruptedClassesAreRefusedOrRewrittenIntoReadableClasses() {
        byte[] original = BadInputs.asyncClass();
        int refused = 0;
        for (byte[] corrupted : BadInputs.corruptions(original, 7, 600)) {
            Result result = rewriteQuietly(corrupted);
            if (result.failed()) {
                refused++;
                assertFalse(result.diagnostics().get(0).message().isBlank());
            }
            if (result.changed()) {
                new ClassReader(result.bytes()).accept(new org.objectweb.asm.tree.ClassNode(), 0);
            } else {
                assertTrue(result.bytes() == corrupted, "a class left unchanged must come back as it was");
            }
        }
        assertTrue(refused > 0, "no corruption was noticed at all");
    }

    @Test
    void kotlinStdlibPassesThroughUntouched() {
        Map<String, byte[]> kotlin = BadInputs.kotlinStdlib();
        assertTrue(kotlin.size() > 500, "kotlin-stdlib has " + kotlin.size() + " classes");
        AsyncCompiler withKotlin = new AsyncCompiler(name -> kotlin.containsKey(name) ? kotlin.get(name) : jdkOrNull(name));
        for (Map.Entry<String, byte[]> entry : kotlin.entrySet()) {
            assertFalse(AsyncCompiler.mayNeedRewrite(entry.getValue()), entry.getKey());
            Result result = withKotlin.rewrite(entry.getValue());
            assertEquals(List.of(), result.diagnostics(), entry.getKey());
            assertArrayEquals(entry.getValue(), result.bytes(), entry.getKey());
        }
    }

    @Test
    void aMethodWhoseRewriteWouldExceed64KiBIsRefusedNamingClassAndMethod() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 700; i++) {
            body.append("s += (int) await(Outcomes.future(log, ").append(i).append(", s + ").append(i).append("));\n");
        }
        byte[] huge = ProgramJavac.compile("Huge.java", """
                package fz;
                import static org.jasyncio.AsyncIO.await;
                import org.jasyncio.Async;
                import org.jasyncio.Task;
                import org.jasyncio.fuzz.program.*;
                final class Huge {
                    @Async static Task<Integer> big(Log log) {
                        int s = 0;
                        long a = 1, b = 2, c = 3, d = 4; String e = "e", f = "f", g = "g";
                        %s
                        return Task.completed(s + (int) (a + b + c + d) + e.length() + f.length() + g.length());
                    }
                }
                """.formatted(body)).get("fz/Huge");
        assertTrue(huge.length < 65536, "javac's own class must fit");
        Result result = rewriteQuietly(huge);
        assertTrue(result.failed());
        assertEquals(0, result.rewrittenMethods());
        assertEquals(1, result.diagnostics().size(), result.diagnostics().toString());
        Diagnostic refusal = result.diagnostics().get(0);
        assertEquals("fz.Huge", refusal.className());
        assertEquals("big", refusal.method());
        assertTrue(refusal.message().contains("64 KiB"), refusal.message());
    }

    @Test
    void aHugePlainMethodNextToAnAsyncOneIsKeptAsJavacWroteIt() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 2900; i++) {
            body.append("x = x * 31 + ").append(i).append(" ^ (x >>> 3);\n");
        }
        Map<String, byte[]> classes = ProgramJavac.compile("Near.java", """
                package fz;
                import static org.jasyncio.AsyncIO.await;
                import org.jasyncio.Async;
                import org.jasyncio.Task;
                import org.jasyncio.fuzz.program.*;
                final class Near {
                    static int near(int x) {
                        %s
                        return x;
                    }
                    @Async static Task<Integer> small(Log log) {
                        return Task.completed(near((int) await(Outcomes.future(log, 0, 1))));
                    }
                }
                """.formatted(body));
        byte[] near = classes.get("fz/Near");
        Result result = rewriteQuietly(near);
        assertEquals(List.of(), result.diagnostics());
        assertEquals(1, result.rewrittenMethods());
        org.objectweb.asm.tree.ClassNode node = new org.objectweb.asm.tree.ClassNode();
        new ClassReader(result.bytes()).accept(node, 0);
        int codeSize = node.methods.stream().filter(m -> m.name.equals("near")).findFirst().orElseThrow()
                .instructions.size();
        assertTrue(codeSize > 10_000, "the big method is still there: " + codeSize + " instructions");
    }

    private Result rewriteQuietly(byte[] input) {
        try {
            return compiler.rewrite(input);
        } catch (Throwable thrown) {
            fail("rewrite threw on " + input.length + " bytes", thrown);
            throw new AssertionError(thrown);
        }
    }

    private static byte[] jdkOrNull(String internalName) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
