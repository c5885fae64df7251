package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/** Hoisting: {@code new X(.., await(..))} allocates after its arguments, so nothing uninitialised is live across the await. */
class NewHoisterTest {

    /** {@code @Async static Task<StringBuilder> wrap(CompletionStage<String> stage)}. */
    static final String DESC = "(Ljava/util/concurrent/CompletionStage;)Lorg/jasyncio/Task;";

    /** The body of {@code return Task.completed(new StringBuilder(await(stage)));}, after the split. */
    static final String BODY = """
               L0
                LINENUMBER 20 L0
                NEW java/lang/StringBuilder
                DUP
                ALOAD 0
                INVOKESTATIC org/jasyncio/AsyncIO.await (Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;
                CHECKCAST java/lang/String
                INVOKESPECIAL java/lang/StringBuilder.<init> (Ljava/lang/String;)V
                INVOKESTATIC org/jasyncio/Task.completed (Ljava/lang/Object;)Lorg/jasyncio/Task;
                ARETURN
                MAXSTACK = 3
                MAXLOCALS = 2
            """;

    @Test
    void theAllocationMovesAfterTheArgumentsWhichWaitInAFreshLocal() throws Exception {
        MethodContext context = PassFixture.afterPasses(PassFixture.split(Opcodes.ACC_STATIC, "wrap", DESC, BODY),
                NewHoister::hoist);
        assertEquals("""
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
                """, Textified.print(context.body()), "the argument waits in slot 2, the first free one");
    }

    @Test
    void aShapeJavacDoesNotWriteIsLeftAloneForTheNextPassToRefuse() throws Exception {
        String copyInALocal = BODY.replace("""
                DUP
            """, """
                DUP
                DUP
                ASTORE 2
            """).replace("MAXLOCALS = 2", "MAXLOCALS = 3");
        PassFixture.assertBodyUnchanged(PassFixture.split(Opcodes.ACC_STATIC, "wrap", DESC, copyInALocal), NewHoister::hoist);
    }

    @Test
    void aConstructorWithoutAwaitInItsArgumentsIsLeftAlone() throws Exception {
        String plain = BODY.replace("""
                ALOAD 0
                INVOKESTATIC org/jasyncio/AsyncIO.await (Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;
                CHECKCAST java/lang/String
            """, """
                LDC "plain"
            """);
        PassFixture.assertBodyUnchanged(PassFixture.split(Opcodes.ACC_STATIC, "wrap", DESC, plain), NewHoister::hoist);
    }
}
