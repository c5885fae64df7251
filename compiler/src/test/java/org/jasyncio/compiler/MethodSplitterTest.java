package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/** The split: the user's code moves into {@code name$async}; the original calls it; a bridge resumes it. */
class MethodSplitterTest {

    /** {@code @Async static Task<Integer> add(CompletionStage<Integer> stage, int step)}. */
    static final String DESC = "(Ljava/util/concurrent/CompletionStage;I)Lorg/jasyncio/Task;";

    /** {@code int sum = await(stage) + step; return Task.completed(sum);} */
    static final String ORIGINAL = """
               L0
                LINENUMBER 12 L0
                ALOAD 0
                INVOKESTATIC org/jasyncio/AsyncIO.await (Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;
                CHECKCAST java/lang/Integer
                INVOKEVIRTUAL java/lang/Integer.intValue ()I
                ILOAD 1
                IADD
                ISTORE 2
               L1
                LINENUMBER 13 L1
                ILOAD 2
                INVOKESTATIC java/lang/Integer.valueOf (I)Ljava/lang/Integer;
                INVOKESTATIC org/jasyncio/Task.completed (Ljava/lang/Object;)Lorg/jasyncio/Task;
                ARETURN
               L2
                LOCALVARIABLE stage Ljava/util/concurrent/CompletionStage; L0 L2 0
                LOCALVARIABLE step I L0 L2 1
                LOCALVARIABLE sum I L1 L2 2
                MAXSTACK = 2
                MAXLOCALS = 3
            """;

    @Test
    void theBodyMovesAndLocalsFromTheCoroutinesSlotShiftByOne() throws Exception {
        MethodContext context = PassFixture.afterPasses(PassFixture.original(Opcodes.ACC_STATIC, "add", DESC, ORIGINAL),
                MethodSplitter::split);
        assertEquals(List.of("add", "add$async", "add$resume$0"), context.output().stream().map(m -> m.name).toList());
        assertEquals("""
                   L0
                    LINENUMBER 12 L0
                    ALOAD 0
                    ILOAD 1
                    ACONST_NULL
                    INVOKESTATIC fx/Sample.add$async (Ljava/util/concurrent/CompletionStage;ILorg/jasyncio/internal/Coroutine;)Lorg/jasyncio/Task;
                    ARETURN
                   L1
                    LOCALVARIABLE stage Ljava/util/concurrent/CompletionStage; L0 L1 0
                    LOCALVARIABLE step I L0 L1 1
                    MAXSTACK = 2
                    MAXLOCALS = 3
                """, Textified.print(context.method.original), "the entry calls the body with no coroutine");
        assertEquals("""
                   L0
                    LINENUMBER 12 L0
                    ALOAD 0
                    INVOKESTATIC org/jasyncio/AsyncIO.await (Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;
                    CHECKCAST java/lang/Integer
                    INVOKEVIRTUAL java/lang/Integer.intValue ()I
                    ILOAD 1
                    IADD
                    ISTORE 3
                   L1
                    LINENUMBER 13 L1
                    ILOAD 3
                    INVOKESTATIC java/lang/Integer.valueOf (I)Ljava/lang/Integer;
                    INVOKESTATIC org/jasyncio/Task.completed (Ljava/lang/Object;)Lorg/jasyncio/Task;
                    ARETURN
                   L2
                    LOCALVARIABLE stage Ljava/util/concurrent/CompletionStage; L0 L2 0
                    LOCALVARIABLE step I L0 L2 1
                    LOCALVARIABLE sum I L1 L2 3
                    MAXSTACK = 2
                    MAXLOCALS = 4
                """, Textified.print(context.body()), "the body: sum moves from slot 2 to 3, the coroutine's");
        assertEquals("""
                   L0
                    LINENUMBER 12 L0
                    ACONST_NULL
                    ICONST_0
                    ALOAD 0
                    INVOKESTATIC fx/Sample.add$async (Ljava/util/concurrent/CompletionStage;ILorg/jasyncio/internal/Coroutine;)Lorg/jasyncio/Task;
                    ARETURN
                    MAXSTACK = 0
                    MAXLOCALS = 0
                """, Textified.print(context.bridge()), "the bridge passes zeros and the coroutine");
    }
}
