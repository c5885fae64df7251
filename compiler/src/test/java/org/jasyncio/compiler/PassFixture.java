package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.UnaryOperator;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The input of one pass, built from text: a method of class {@code fx.Sample}
 * ({@code Sample.java}) and the {@link MethodContext} the passes share, in the state the
 * passes before the one under test leave it; and the passes run on it, with the assertions the
 * per-pass tests share.
 */
final class PassFixture {

    private PassFixture() {
    }

    /** The context before any pass: the user's {@code @Async} method as javac wrote it. */
    static MethodContext original(int access, String name, String desc, String code) {
        return context(Textified.parse(access, name, desc, code), PassFixture::systemClass, CompilerOptions.DEFAULT);
    }

    /** As {@link #original}, with class files looked up in {@code classpath} instead of the test's classpath. */
    static MethodContext original(int access, String name, String desc, String code, ClassBytes classpath) {
        return context(Textified.parse(access, name, desc, code), classpath, CompilerOptions.DEFAULT);
    }

    /**
     * The context after the split: the user method {@code name desc} has been emptied, and
     * {@code bodyCode} is its body {@code name$async} (locals shifted, the coroutine in the slot
     * after the parameters).
     */
    static MethodContext split(int access, String name, String desc, String bodyCode) {
        return split(access, name, desc, bodyCode, CompilerOptions.DEFAULT);
    }

    /** As {@link #split(int, String, String, String)}, the passes to run with {@code options}. */
    static MethodContext split(int access, String name, String desc, String bodyCode, CompilerOptions options) {
        MethodContext context = context(new MethodNode(Opcodes.ASM9, access, name, desc, null, null),
                PassFixture::systemClass, options);
        AsyncMethod method = context.method;
        MethodNode body = Textified.parse(Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC | (access & Opcodes.ACC_STATIC),
                method.bodyName, method.bodyDesc, bodyCode);
        MethodNode bridge = new MethodNode(Opcodes.ASM9, Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, method.bridgeName,
                RuntimeNames.RESUME_DESC, null, null);
        context.split(body, bridge);
        return context;
    }

    /** Runs {@code steps} (the passes under test, and those that run before them) on {@code context}, in order. */
    static MethodContext afterPasses(MethodContext context, Pass.Step... steps) throws RefusalException, AnalyzerException {
        for (Pass.Step step : steps) {
            step.run(context);
        }
        return context;
    }

    /** Asserts that {@code steps} leave the body's code as it was. */
    static void assertBodyUnchanged(MethodContext context, Pass.Step... steps) throws RefusalException, AnalyzerException {
        assertBodyChangedOnly(context, UnaryOperator.identity(), "the body is left alone", steps);
    }

    /** Asserts that {@code steps} change the body's code (in Textifier form) only as {@code change} does. */
    static void assertBodyChangedOnly(MethodContext context, UnaryOperator<String> change, String message,
            Pass.Step... steps) throws RefusalException, AnalyzerException {
        String before = Textified.print(context.body());
        afterPasses(context, steps);
        assertEquals(change.apply(before), Textified.print(context.body()), message);
    }

    private static MethodContext context(MethodNode method, ClassBytes classpath, CompilerOptions options) {
        ClassNode owner = new ClassNode();
        owner.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "fx/Sample", null, "java/lang/Object", null);
        owner.visitSource("Sample.java", null);
        owner.methods.add(method);
        ClassHierarchy hierarchy = new ClassHierarchy(classpath);
        hierarchy.define(owner.name, owner.superName, null, false);
        return new MethodContext(owner, new AsyncMethod(owner, method, 0), hierarchy, options);
    }

    static byte[] systemClass(String internalName) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
