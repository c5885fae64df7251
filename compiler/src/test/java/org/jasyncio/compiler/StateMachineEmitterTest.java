package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/**
 * Emitting the state machine (docs/coroutine-protocol.md): the dispatch before the body, each
 * {@code await} expanded in place with its restore code after the body, every return
 * completing the task, and the catch-all failing it.
 */
class StateMachineEmitterTest {

    @Test
    void theBodyBecomesAStateMachine() throws Exception {
        MethodContext context = PassFixture.afterPasses(PassFixture.split(Opcodes.ACC_STATIC, "add",
                SuspensionPointsTest.DESC, SuspensionPointsTest.BODY), SuspensionPoints::find, StateMachineEmitter::emit);
        assertEquals("""
                    TRYCATCHBLOCK L0 L1 L2 null
                   L3
                    LINENUMBER 12 L3
                    ALOAD 2
                    IFNONNULL L4
                    INVOKESTATIC org/jasyncio/internal/Coroutine.runsEagerly ()Z
                    IFNE L0
                    INVOKEDYNAMIC describe()Lorg/jasyncio/internal/CoroutineMethod; [
                      // handle kind 0x6 : INVOKESTATIC
                      org/jasyncio/internal/CoroutineMethod.bootstrap(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/String;Ljava/lang/String;Ljava/lang/Class;II)Ljava/lang/invoke/CallSite;
                      // arguments:
                      // handle kind 0x6 : INVOKESTATIC
                      fx/Sample.add$resume$0(Lorg/jasyncio/internal/Coroutine;)Lorg/jasyncio/Task;,
                      "fx.Sample.add(Sample.java)",
                      "12,12",
                      org.jasyncio.internal.Frames$R1I1.class,
                      0,
                      0
                    ]
                    INVOKESTATIC org/jasyncio/internal/Coroutine.create (Lorg/jasyncio/internal/CoroutineMethod;)Lorg/jasyncio/internal/Coroutine;
                    ASTORE 2
                    ALOAD 2
                    ICONST_2
                    ANEWARRAY java/lang/Object
                    DUP
                    ICONST_0
                    ALOAD 0
                    AASTORE
                    DUP
                    ICONST_1
                    ILOAD 1
                    INVOKESTATIC java/lang/Integer.valueOf (I)Ljava/lang/Integer;
                    AASTORE
                    INVOKEVIRTUAL org/jasyncio/internal/Coroutine.parkArguments ([Ljava/lang/Object;)V
                    ALOAD 2
                    INVOKEVIRTUAL org/jasyncio/internal/Coroutine.startSoon ()V
                    ALOAD 2
                    ARETURN
                   L4
                    ALOAD 2
                    GETFIELD org/jasyncio/internal/Coroutine.state : I
                    TABLESWITCH
                      0: L5
                      1: L6
                      default: L7
                   L7
                    NEW java/lang/IllegalStateException
                    DUP
                    LDC "corrupt coroutine state in fx.Sample.add(Sample.java)"
                    INVOKESPECIAL java/lang/IllegalStateException.<init> (Ljava/lang/String;)V
                    ATHROW
                   L5
                    ALOAD 2
                    ICONST_0
                    INVOKEVIRTUAL org/jasyncio/internal/Coroutine.argument (I)Ljava/lang/Object;
                    CHECKCAST java/util/concurrent/CompletionStage
                    ASTORE 0
                    ALOAD 2
                    ICONST_1
                    INVOKEVIRTUAL org/jasyncio/internal/Coroutine.argument (I)Ljava/lang/Object;
                    CHECKCAST java/lang/Integer
                    INVOKEVIRTUAL java/lang/Integer.intValue ()I
                    ISTORE 1
                    GOTO L0
                   L0
                   L8
                    LINENUMBER 12 L8
                    ILOAD 1
                    ALOAD 0
                    ASTORE 4
                    ISTORE 5
                    ALOAD 4
                    INVOKESTATIC org/jasyncio/internal/Coroutine.isDone (Ljava/lang/Object;)Z
                    IFEQ L9
                    ILOAD 5
                    ALOAD 4
                    INVOKESTATIC org/jasyncio/internal/Coroutine.resultOf (Ljava/lang/Object;)Ljava/lang/Object;
                    GOTO L10
                   L9
                    ALOAD 2
                    IFNONNULL L11
                    INVOKEDYNAMIC describe()Lorg/jasyncio/internal/CoroutineMethod; [
                      // handle kind 0x6 : INVOKESTATIC
                      org/jasyncio/internal/CoroutineMethod.bootstrap(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/String;Ljava/lang/String;Ljava/lang/Class;II)Ljava/lang/invoke/CallSite;
                      // arguments:
                      // handle kind 0x6 : INVOKESTATIC
                      fx/Sample.add$resume$0(Lorg/jasyncio/internal/Coroutine;)Lorg/jasyncio/Task;,
                      "fx.Sample.add(Sample.java)",
                      "12,12",
                      org.jasyncio.internal.Frames$R1I1.class,
                      0,
                      0
                    ]
                    INVOKESTATIC org/jasyncio/internal/Coroutine.create (Lorg/jasyncio/internal/CoroutineMethod;)Lorg/jasyncio/internal/Coroutine;
                    ASTORE 2
                   L11
                    ALOAD 2
                    CHECKCAST org/jasyncio/internal/Frames$R1I1
                    ALOAD 0
                    PUTFIELD org/jasyncio/internal/Frames$R1I1.r0 : Ljava/lang/Object;
                    ALOAD 2
                    CHECKCAST org/jasyncio/internal/Frames$R1I1
                    ILOAD 5
                    PUTFIELD org/jasyncio/internal/Frames$R1I1.i0 : I
                    ALOAD 2
                    ALOAD 4
                    ICONST_1
                    INVOKEVIRTUAL org/jasyncio/internal/Coroutine.suspendOn (Ljava/lang/Object;I)V
                    ALOAD 2
                    ARETURN
                   L12
                    ALOAD 2
                    INVOKEVIRTUAL org/jasyncio/internal/Coroutine.resumeValue ()Ljava/lang/Object;
                   L10
                    CHECKCAST java/lang/Integer
                    INVOKEVIRTUAL java/lang/Integer.intValue ()I
                    IADD
                    ISTORE 3
                   L13
                    LINENUMBER 13 L13
                    ILOAD 3
                    ALOAD 0
                    INVOKEVIRTUAL java/lang/Object.hashCode ()I
                    IADD
                    INVOKESTATIC java/lang/Integer.valueOf (I)Ljava/lang/Integer;
                    INVOKESTATIC org/jasyncio/Task.completed (Ljava/lang/Object;)Lorg/jasyncio/Task;
                    ALOAD 2
                    BIPUSH 13
                    INVOKESTATIC org/jasyncio/internal/Coroutine.complete (Lorg/jasyncio/Task;Lorg/jasyncio/internal/Coroutine;I)Lorg/jasyncio/Task;
                    ARETURN
                   L14
                   L1
                   L2
                    ALOAD 2
                    INVOKESTATIC org/jasyncio/internal/Coroutine.fail (Ljava/lang/Throwable;Lorg/jasyncio/internal/Coroutine;)Lorg/jasyncio/Task;
                    ARETURN
                   L6
                    LINENUMBER 12 L6
                    ALOAD 2
                    CHECKCAST org/jasyncio/internal/Frames$R1I1
                    GETFIELD org/jasyncio/internal/Frames$R1I1.r0 : Ljava/lang/Object;
                    CHECKCAST java/util/concurrent/CompletionStage
                    ASTORE 0
                    ALOAD 2
                    CHECKCAST org/jasyncio/internal/Frames$R1I1
                    GETFIELD org/jasyncio/internal/Frames$R1I1.i0 : I
                    ISTORE 5
                    ILOAD 5
                    GOTO L12
                    LOCALVARIABLE stage Ljava/util/concurrent/CompletionStage; L8 L14 0
                    LOCALVARIABLE step I L8 L14 1
                    LOCALVARIABLE sum I L13 L14 3
                    MAXSTACK = 3
                    MAXLOCALS = 6
                """, Textified.print(context.body()));
    }
}
