package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/** The check after hoisting: no uninitialised object may be live across an await. */
class UninitializedAcrossAwaitsTest {

    /** The hoisted body of {@code new StringBuilder(await(stage))} (see {@link NewHoisterTest}): nothing to refuse. */
    static final String HOISTED = """
               L0
                LINENUMBER 20 L0
                ALOAD 0
                INVOKESTATIC org/jasyncio/AsyncIO.await (Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;
                CHECKCAST java/lang/String
                ASTORE 2
                NEW java/lang/StringBuilder
                DUP
                ALOAD 2
                INVOKESPECIAL java/lang/StringBuilder.<init> (Ljava/lang/String;)V
                INVOKESTATIC org/jasyncio/Task.completed (Ljava/lang/Object;)Lorg/jasyncio/Task;
                ARETURN
                MAXSTACK = 3
                MAXLOCALS = 3
            """;

    /** {@code NEW, DUP, DUP, ASTORE}: a copy in a local, which the hoister leaves alone. */
    static final String COPY_IN_A_LOCAL = """
               L0
                LINENUMBER 20 L0
                NEW java/lang/StringBuilder
                DUP
                DUP
                ASTORE 2
                ALOAD 0
                INVOKESTATIC org/jasyncio/AsyncIO.await (Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;
                CHECKCAST java/lang/String
                INVOKESPECIAL java/lang/StringBuilder.<init> (Ljava/lang/String;)V
                POP
                ALOAD 2
                INVOKESTATIC org/jasyncio/Task.completed (Ljava/lang/Object;)Lorg/jasyncio/Task;
                ARETURN
                MAXSTACK = 4
                MAXLOCALS = 3
            """;

    @Test
    void javacsHoistedShapePasses() throws Exception {
        MethodContext context = PassFixture.split(Opcodes.ACC_STATIC, "wrap", NewHoisterTest.DESC, HOISTED);
        UninitializedAcrossAwaits.check(context);
        assertEquals(HOISTED, Textified.print(context.body()));
    }

    @Test
    void anUninitialisedObjectLiveAcrossAnAwaitIsRefusedAtItsNew() {
        MethodContext context = PassFixture.split(Opcodes.ACC_STATIC, "wrap", NewHoisterTest.DESC, COPY_IN_A_LOCAL);
        RefusalException refused = assertThrows(RefusalException.class, () -> UninitializedAcrossAwaits.check(context));
        assertEquals(20, refused.line());
        assertEquals("await while the object of new java.lang.StringBuilder(...) is not initialised yet (its constructor "
                + "runs after the await), in a bytecode shape other than javac's NEW, DUP, arguments, <init>: assign the "
                + "awaited value to a local variable before the new", refused.getMessage());
    }
}
