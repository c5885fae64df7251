package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jasyncio.AsyncIO;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * {@code new StringBuilder(await(stage))} in the bytecode shapes other tools than javac emit,
 * synthesised with ASM: each is rewritten into code the verifier accepts, or refused with its
 * reason, the refused method's await throwing it; never emitted unverifiable.
 */
class AllocationShapesTest {

    private static final String BUILDER = "java/lang/StringBuilder";
    private static final String AWAIT_DESC = "(Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;";
    private static final String REFUSAL = "await while the object of new java.lang.StringBuilder(...) is not initialised "
            + "yet (its constructor runs after the await)";

    @Test
    void javacsShapeIsRewritten() throws Exception {
        assertEquals("v", runRewritten(code -> {
            code.visitTypeInsn(Opcodes.NEW, BUILDER);
            code.visitInsn(Opcodes.DUP);
            awaitString(code);
            construct(code);
            toStringOfTop(code);
        }));
    }

    /**
     * javac's shape after a merge of paths whose locals differ (the ends of a try, its catch and
     * its finally): the analysis runs through the {@code NEW} more than once and must still see
     * one object.
     */
    @Test
    void javacsShapeWhereTheAnalysisPassesTwiceIsRewritten() {
        Fixtures fx = Fixtures.compile("Merging", """
                package fx;
                import org.jasyncio.*;
                import static org.jasyncio.AsyncIO.*;

                public class Merging {
                    @Async public static Task<Integer> sum(int n) {
                        int sum = 0;
                        for (int i = 0; i < n; i++) {
                            try {
                                sum += 1;
                            } catch (RuntimeException e) {
                                String message = e.getMessage();
                                sum += message.length();
                            } finally {
                                sum += 10;
                            }
                            sum += new StringBuilder(await(Later.value("ab"))).length();
                        }
                        return Task.completed(sum);
                    }
                }
                """).load();
        assertEquals(3 * (1 + 10 + 2), (int) fx.run("fx.Merging", "sum", 3));
    }

    @Test
    void withoutDupIsRefused() throws Exception {
        assertRefused(code -> {
            code.visitTypeInsn(Opcodes.NEW, BUILDER);
            awaitString(code);
            construct(code);
            code.visitLdcInsn("built");
        });
    }

    @Test
    void extraDupsAreRefused() throws Exception {
        assertRefused(code -> {
            code.visitTypeInsn(Opcodes.NEW, BUILDER);
            code.visitInsn(Opcodes.DUP);
            code.visitInsn(Opcodes.DUP);
            awaitString(code);
            construct(code);
            code.visitInsn(Opcodes.POP);
            toStringOfTop(code);
        });
    }

    @Test
    void aCopySwappedUnderAnotherValueIsRefused() throws Exception {
        assertRefused(code -> {
            code.visitTypeInsn(Opcodes.NEW, BUILDER);
            code.visitInsn(Opcodes.DUP);
            code.visitLdcInsn("tag");
            code.visitInsn(Opcodes.SWAP);
            awaitString(code);
            construct(code);
            code.visitInsn(Opcodes.POP);
            toStringOfTop(code);
        });
    }

    @Test
    void aCopyStoredToALocalIsRefused() throws Exception {
        assertRefused(code -> {
            code.visitTypeInsn(Opcodes.NEW, BUILDER);
            code.visitInsn(Opcodes.DUP);
            code.visitInsn(Opcodes.DUP);
            code.visitVarInsn(Opcodes.ASTORE, 1);
            awaitString(code);
            construct(code);
            code.visitInsn(Opcodes.POP);
            code.visitVarInsn(Opcodes.ALOAD, 1);
            toStringOfTop(code);
        });
    }

    @Test
    void anObjectOnlyInALocalIsRefused() throws Exception {
        assertRefused(code -> {
            code.visitTypeInsn(Opcodes.NEW, BUILDER);
            code.visitVarInsn(Opcodes.ASTORE, 1);
            code.visitVarInsn(Opcodes.ALOAD, 1);
            awaitString(code);
            construct(code);
            code.visitVarInsn(Opcodes.ALOAD, 1);
            toStringOfTop(code);
        });
    }

    /** {@code (String) await(stage)}, the stage being the method's parameter. */
    private static void awaitString(MethodVisitor code) {
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, RuntimeNames.ASYNCIO, RuntimeNames.AWAIT, AWAIT_DESC, false);
        code.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/String");
    }

    private static void construct(MethodVisitor code) {
        code.visitMethodInsn(Opcodes.INVOKESPECIAL, BUILDER, "<init>", "(Ljava/lang/String;)V", false);
    }

    private static void toStringOfTop(MethodVisitor code) {
        code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BUILDER, "toString", "()Ljava/lang/String;", false);
    }

    private static Object runRewritten(Consumer<MethodVisitor> shape) throws ReflectiveOperationException {
        Result result = rewrite(shape);
        assertFalse(result.failed(), result.diagnostics().toString());
        assertEquals(1, result.rewrittenMethods());
        return run(load(result.bytes()));
    }

    private static void assertRefused(Consumer<MethodVisitor> shape) {
        Result result = rewrite(shape);
        assertTrue(result.failed());
        List<Diagnostic> errors = result.diagnostics();
        assertEquals(1, errors.size(), errors.toString());
        Diagnostic refusal = errors.get(0);
        assertEquals("fx.Shape", refusal.className());
        assertEquals("make", refusal.method());
        assertTrue(refusal.message().startsWith(REFUSAL), refusal.message());
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> run(load(result.bytes())));
        assertEquals(refusal.toString(), thrown.getMessage(), "the refused method's await throws its refusal");
    }

    /** {@code @Async static Task<String> make(CompletionStage<String> stage)} of class {@code fx.Shape}, with the shape inside. */
    private static Result rewrite(Consumer<MethodVisitor> shape) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "fx/Shape", null, "java/lang/Object", null);
        writer.visitSource("Shape.java", null);
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "make",
                "(Ljava/util/concurrent/CompletionStage;)" + RuntimeNames.TASK_DESC, null, null);
        code.visitAnnotation(RuntimeNames.ASYNC_DESC, false).visitEnd();
        code.visitCode();
        Label start = new Label();
        code.visitLabel(start);
        code.visitLineNumber(7, start);
        shape.accept(code);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, RuntimeNames.TASK, "completed",
                "(Ljava/lang/Object;)" + RuntimeNames.TASK_DESC, false);
        code.visitInsn(Opcodes.ARETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
        writer.visitEnd();
        return new AsyncCompiler(PassFixture::systemClass).rewrite(writer.toByteArray());
    }

    /** Checks the class with CheckClassAdapter, then defines it (which runs the JVM's verifier). */
    private static Method load(byte[] bytes) throws ReflectiveOperationException {
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), AllocationShapesTest.class.getClassLoader(), false,
                new PrintWriter(problems));
        assertTrue(problems.toString().isEmpty(), problems.toString());
        ClassLoader loader = new ClassLoader("shapes", AllocationShapesTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (!name.equals("fx.Shape")) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        return Class.forName("fx.Shape", true, loader).getMethod("make", java.util.concurrent.CompletionStage.class);
    }

    /** Runs {@code make} on a loop with a stage the loop completes later, so that the await suspends. */
    @SuppressWarnings("unchecked")
    private static Object run(Method make) {
        return AsyncIO.run(() -> {
            CompletableFuture<String> later = new CompletableFuture<>();
            AsyncIO.getRunningLoop().callSoon(() -> later.complete("v"));
            try {
                return (Task<Object>) make.invoke(null, later);
            } catch (InvocationTargetException e) {
                throw (RuntimeException) e.getCause();
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        });
    }
}
