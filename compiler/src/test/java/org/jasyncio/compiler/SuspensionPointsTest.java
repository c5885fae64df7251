package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/** Finding suspension points: for each, what is live, with its analysed type, and where it is spilled. */
class SuspensionPointsTest {

    /** {@code @Async static Task<Integer> add(CompletionStage<Integer> stage, int step)}. */
    static final String DESC = MethodSplitterTest.DESC;

    /** The body of {@code int sum = step + await(stage); return Task.completed(sum + stage.hashCode());}. */
    static final String BODY = """
               L0
                LINENUMBER 12 L0
                ILOAD 1
                ALOAD 0
                INVOKESTATIC org/jasyncio/AsyncIO.await (Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;
                CHECKCAST java/lang/Integer
                INVOKEVIRTUAL java/lang/Integer.intValue ()I
                IADD
                ISTORE 3
               L1
                LINENUMBER 13 L1
                ILOAD 3
                ALOAD 0
                INVOKEVIRTUAL java/lang/Object.hashCode ()I
                IADD
                INVOKESTATIC java/lang/Integer.valueOf (I)Ljava/lang/Integer;
                INVOKESTATIC org/jasyncio/Task.completed (Ljava/lang/Object;)Lorg/jasyncio/Task;
                ARETURN
               L2
                LOCALVARIABLE stage Ljava/util/concurrent/CompletionStage; L0 L2 0
                LOCALVARIABLE step I L0 L2 1
                LOCALVARIABLE sum I L1 L2 3
                MAXSTACK = 3
                MAXLOCALS = 4
            """;

    @Test
    void eachPointSavesItsLiveLocalsAndTheStackBelowTheAwaitedValue() throws Exception {
        MethodContext context = PassFixture.split(Opcodes.ACC_STATIC, "add", DESC, BODY);
        PassFixture.assertBodyChangedOnly(context, before -> before.replace("MAXLOCALS = 4", "MAXLOCALS = 6"),
                "only analysis: the code is unchanged, the temporaries are reserved", SuspensionPoints::find);
        assertEquals("""
                state 0, line 12, saves local 0 Ljava/util/concurrent/CompletionStage; in r0, local 1 I in i0
                state 1, line 12, awaited in local 4, stack below it in locals [5], saves local 0 Ljava/util/concurrent/CompletionStage; in r0, local 5 I in i0
                frame: org/jasyncio/internal/Frames$R1I1
                """, describe(context.points()));
    }

    static String describe(SuspensionPoints points) {
        StringBuilder out = new StringBuilder();
        for (SuspensionPoint point : points.all()) {
            out.append("state ").append(point.state()).append(", line ").append(point.line());
            if (point.await() != null) {
                out.append(", awaited in local ").append(point.awaited()).append(", stack below it in locals ")
                        .append(point.stack().stream().map(v -> String.valueOf(v.local())).toList());
            }
            out.append(", saves ").append(point.saved().stream()
                    .map(v -> "local " + v.local() + " " + v.type() + " in " + (v.isReference() ? "r" : "i")
                            + v.index())
                    .collect(Collectors.joining(", "))).append('\n');
        }
        return out.append("frame: ").append(points.layout.layout.owner()).append('\n').toString();
    }
}
