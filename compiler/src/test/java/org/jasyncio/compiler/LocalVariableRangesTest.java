package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/**
 * Fitting the local variable table: a variable the task does not keep across an {@code await}
 * leaves the table where a resumption rejoins the body; one it keeps stays whole; with
 * {@code keepLocals} every variable is kept, and the table stays as javac wrote it.
 */
class LocalVariableRangesTest {

    /** The body of {@code int twice = step * 2; int sum = twice + await(stage); return Task.completed(sum);}. */
    static final String BODY = """
               L0
                LINENUMBER 11 L0
                ILOAD 1
                ICONST_2
                IMUL
                ISTORE 3
               L1
                LINENUMBER 12 L1
                ILOAD 3
                ALOAD 0
                INVOKESTATIC org/jasyncio/AsyncIO.await (Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;
                CHECKCAST java/lang/Integer
                INVOKEVIRTUAL java/lang/Integer.intValue ()I
                IADD
                ISTORE 4
               L2
                LINENUMBER 13 L2
                ILOAD 4
                INVOKESTATIC java/lang/Integer.valueOf (I)Ljava/lang/Integer;
                INVOKESTATIC org/jasyncio/Task.completed (Ljava/lang/Object;)Lorg/jasyncio/Task;
                ARETURN
               L3
                LOCALVARIABLE stage Ljava/util/concurrent/CompletionStage; L0 L3 0
                LOCALVARIABLE step I L0 L3 1
                LOCALVARIABLE twice I L1 L3 3
                LOCALVARIABLE sum I L2 L3 4
                MAXSTACK = 3
                MAXLOCALS = 5
            """;

    @Test
    void whatTheAwaitDoesNotKeepLeavesTheTableWhereTheResumptionRejoins() throws Exception {
        String fitted = fit(CompilerOptions.DEFAULT);
        // L13 is where the restore code jumps back; L14, the split, is the instruction after it.
        assertTrue(fitted.contains("""
                   L13
                   L14
                    ALOAD 2
                    INVOKEVIRTUAL org/jasyncio/internal/Coroutine.resumeValue ()Ljava/lang/Object;
                   L11
                """), fitted);
        assertEquals(List.of(
                "LOCALVARIABLE stage Ljava/util/concurrent/CompletionStage; L8 L14 0",
                "LOCALVARIABLE step I L8 L14 1",
                "LOCALVARIABLE twice I L9 L14 3",
                "LOCALVARIABLE sum I L15 L16 4"), table(fitted));
    }

    @Test
    void keepLocalsKeepsTheTableAsJavacWroteIt() throws Exception {
        assertEquals(List.of(
                "LOCALVARIABLE stage Ljava/util/concurrent/CompletionStage; L8 L15 0",
                "LOCALVARIABLE step I L8 L15 1",
                "LOCALVARIABLE twice I L9 L15 3",
                "LOCALVARIABLE sum I L14 L15 4"), table(fit(new CompilerOptions(true))));
    }

    private static List<String> table(String method) {
        return method.lines().map(String::strip).filter(line -> line.startsWith("LOCALVARIABLE")).toList();
    }

    private static String fit(CompilerOptions options) throws Exception {
        return Textified.print(PassFixture.afterPasses(
                PassFixture.split(Opcodes.ACC_STATIC, "add", SuspensionPointsTest.DESC, BODY, options),
                SuspensionPoints::find, StateMachineEmitter::emit, LocalVariableRanges::fit).body());
    }
}
