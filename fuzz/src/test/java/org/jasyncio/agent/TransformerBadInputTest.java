package org.jasyncio.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.Result;
import org.jasyncio.fuzz.BadInputs;
import org.jasyncio.testing.RecordingLogger;
import org.junit.jupiter.api.Test;

/**
 * The agent's transformer fed bad class files: it never throws out of {@code transform},
 * returns {@code null} (the class loads as it was) for what it cannot rewrite, logs why, and
 * never turns a class the JVM would load into one it refuses.
 */
class TransformerBadInputTest {

    private final RecordingLogger log = new RecordingLogger();
    private final AsyncTransformer transformer = new AsyncTransformer(AgentOptions.parse(null), () -> log);

    @Test
    void garbageAndTruncationsLoadAsTheyWereAndAreLogged() {
        List<byte[]> inputs = new java.util.ArrayList<>(BadInputs.randomBytes(3, 200));
        inputs.addAll(BadInputs.truncations(BadInputs.asyncClass(), 11));
        for (byte[] input : inputs) {
            assertNull(transformQuietly("fz/A", input), "bad bytes must load as they were");
        }
        // Garbage without the constant pool entries the scan looks for is skipped silently; the rest is
        // logged, named by the class the JVM is loading even where the bytes name none.
        List<String> warnings = log.messages();
        assertTrue(warnings.stream().allMatch(w -> w.contains("fz.A")), warnings.toString());
    }

    @Test
    void aCorruptedClassTheJvmWouldLoadStillLoadsAfterTheAgent() {
        byte[] original = BadInputs.asyncClass();
        int loadable = 0;
        for (byte[] corrupted : BadInputs.corruptions(original, 11, 300)) {
            byte[] transformed = transformQuietly("fz/A", corrupted);
            if (transformed != null && loads(corrupted) == null) {
                loadable++;
                Throwable refused = loads(transformed);
                if (refused != null) {
                    fail("the agent broke a class the JVM loads: " + refused);
                }
            }
        }
        assertTrue(loadable > 0, "no corrupted class survived to be rewritten; the test proves nothing");
    }

    @Test
    void everyAllocationShapeTheJvmLoadsIsRewrittenOrRefusedAndStillLoads() {
        AsyncCompiler compiler = new AsyncCompiler(name -> null);
        int rewritten = 0;
        int refused = 0;
        for (byte[] shape : BadInputs.allocationShapes(17, 400)) {
            if (loads(shape) != null) {
                continue;
            }
            Result result = compiler.rewrite(shape);
            if (result.failed()) {
                refused++;
                String message = result.diagnostics().get(0).message();
                assertTrue(message.startsWith("await while the object of new java.lang.StringBuilder(...) is not "
                        + "initialised yet"), message);
            } else {
                rewritten++;
            }
            byte[] transformed = transformQuietly("fz/A", shape);
            Throwable broken = loads(transformed == null ? shape : transformed);
            if (broken != null) {
                fail("the agent broke an allocation shape the JVM loads: " + broken);
            }
        }
        assertTrue(rewritten > 0 && refused > 0, rewritten + " shapes rewritten, " + refused + " refused");
    }

    @Test
    void kotlinStdlibIsLeftAloneWithoutAWord() {
        Map<String, byte[]> kotlin = BadInputs.kotlinStdlib();
        for (Map.Entry<String, byte[]> entry : kotlin.entrySet()) {
            assertNull(transformQuietly(entry.getKey(), entry.getValue()), entry.getKey());
        }
        assertEquals(List.of(), log.messages());
    }

    private byte[] transformQuietly(String name, byte[] bytes) {
        try {
            return transformer.transform(getClass().getClassLoader(), name, null, null, bytes);
        } catch (Throwable thrown) {
            fail("transform threw on " + bytes.length + " bytes of " + name, thrown);
            throw new AssertionError(thrown);
        }
    }

    /** Defines and initialises {@code fz.A} in a fresh loader; what the JVM threw, or {@code null}. */
    private static Throwable loads(byte[] classFile) {
        ClassLoader loader = new ClassLoader("probe", TransformerBadInputTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (!name.equals("fz.A")) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, classFile, 0, classFile.length);
            }
        };
        try {
            Class<?> type = Class.forName("fz.A", true, loader);
            type.getDeclaredMethods();
            return null;
        } catch (Throwable refused) {
            return refused;
        }
    }
}
