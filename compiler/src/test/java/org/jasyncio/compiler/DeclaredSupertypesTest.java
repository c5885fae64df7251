package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/** Learning missing supertypes from the frames javac wrote where values meet. */
class DeclaredSupertypesTest {

    /**
     * {@code @Async static Task<Number> pick(boolean flag)} returning
     * {@code Task.completed(flag ? new fx.A() : new fx.B())} typed {@code Number}, where
     * {@code fx.A} and {@code fx.B} are absent from the classpath.
     */
    static final String ORIGINAL = """
               L0
                LINENUMBER 40 L0
                ILOAD 0
                IFEQ L1
                NEW fx/A
                DUP
                INVOKESPECIAL fx/A.<init> ()V
                GOTO L2
               L1
                FRAME FULL [I] []
                NEW fx/B
                DUP
                INVOKESPECIAL fx/B.<init> ()V
               L2
                FRAME FULL [I] [java/lang/Number]
                ASTORE 1
                ALOAD 1
                INVOKESTATIC org/jasyncio/Task.completed (Ljava/lang/Object;)Lorg/jasyncio/Task;
                ARETURN
                MAXSTACK = 2
                MAXLOCALS = 2
            """;

    @Test
    void aMissingClassExtendsTheTypeJavacDeclaredWhereItsValuesMeet() {
        MethodContext context = PassFixture.original(Opcodes.ACC_STATIC, "pick", "(Z)Lorg/jasyncio/Task;", ORIGINAL,
                name -> name.startsWith("fx/") ? null : PassFixture.systemClass(name));
        DeclaredSupertypes.learn(context);
        assertEquals(List.of("fx/A", "fx/B"), List.copyOf(context.hierarchy.missing()));
        assertEquals("java/lang/Number", context.hierarchy.superName("fx/A"));
        assertEquals("java/lang/Number", context.hierarchy.superName("fx/B"));
    }

    @Test
    void nothingIsLearnedWhenNothingIsMissing() {
        MethodContext context = PassFixture.original(Opcodes.ACC_STATIC, "pick", "(Z)Lorg/jasyncio/Task;",
                ORIGINAL.replace("fx/A", "java/lang/Integer").replace("fx/B", "java/lang/Long"));
        DeclaredSupertypes.learn(context);
        assertEquals(List.of(), List.copyOf(context.hierarchy.missing()));
        assertEquals("java/lang/Number", context.hierarchy.superName("java/lang/Integer"));
    }
}
