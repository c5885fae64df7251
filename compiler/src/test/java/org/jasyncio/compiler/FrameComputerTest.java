package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/** Computing frames and max sizes for the generated methods, with common superclasses from the hierarchy. */
class FrameComputerTest {

    /** {@code @Async static Task<Object> pick(CompletionStage<Object> stage, int step)}: a merge of a Coroutine and a Task. */
    static final String BODY = """
               L0
                LINENUMBER 30 L0
                ILOAD 1
                IFEQ L1
                ALOAD 2
                GOTO L2
               L1
                ACONST_NULL
                INVOKESTATIC org/jasyncio/Task.completed (Ljava/lang/Object;)Lorg/jasyncio/Task;
               L2
                ARETURN
            """;

    @Test
    void framesAreComputedWhereControlMergesWithTheCommonSuperclass() throws Exception {
        MethodContext context = PassFixture.split(Opcodes.ACC_STATIC, "pick", MethodSplitterTest.DESC, BODY);
        FrameComputer.compute(context);
        assertEquals("""
                   L0
                    LINENUMBER 30 L0
                    ILOAD 1
                    IFEQ L1
                    ALOAD 2
                    GOTO L2
                   L1
                   FRAME SAME
                    ACONST_NULL
                    INVOKESTATIC org/jasyncio/Task.completed (Ljava/lang/Object;)Lorg/jasyncio/Task;
                   L2
                   FRAME SAME1 org/jasyncio/Task
                    ARETURN
                    MAXSTACK = 1
                    MAXLOCALS = 3
                """, Textified.print(context.output().get(1)));
    }
}
