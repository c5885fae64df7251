package org.jasyncio.compiler;

import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Every name of the runtime the compiler recognises in user code or calls in generated code
 * (docs/coroutine-protocol.md), and nowhere else: {@code RuntimeNamesTest} checks each one
 * against the runtime's classes, so a renamed member fails a test instead of a user's program.
 */
final class RuntimeNames {

    /** A public method of the runtime that generated code calls. */
    record Call(int opcode, String owner, String name, String desc) {

        MethodInsnNode insn() {
            return new MethodInsnNode(opcode, owner, name, desc, false);
        }

        /** The call of a method of an interface ({@code AsyncIterator}'s static methods). */
        MethodInsnNode interfaceInsn() {
            return new MethodInsnNode(opcode, owner, name, desc, true);
        }

        boolean isCalledBy(AbstractInsnNode insn) {
            return insn instanceof MethodInsnNode call && call.getOpcode() == opcode && call.owner.equals(owner)
                    && call.name.equals(name) && call.desc.equals(desc);
        }
    }

    /** A public instance field of the runtime that generated code reads or writes. */
    record Field(String owner, String name, String desc) {

        FieldInsnNode get() {
            return new FieldInsnNode(Opcodes.GETFIELD, owner, name, desc);
        }

        FieldInsnNode put() {
            return new FieldInsnNode(Opcodes.PUTFIELD, owner, name, desc);
        }
    }

    /**
     * A frame layout of the runtime's {@code Frames}: a coroutine subclass with fields {@code r0..}
     * (references) and {@code i0..} (32-bit words), or, when {@link #arrays}, with the arrays
     * {@code refs} and {@code words}.
     */
    record Layout(String owner, int references, int words, boolean arrays) {

        Field reference(int index) {
            return new Field(owner, "r" + index, OBJECT_DESC);
        }

        Field word(int index) {
            return new Field(owner, "i" + index, "I");
        }
    }

    static final String ASYNC_DESC = "Lorg/jasyncio/Async;";
    static final String REWRITTEN_DESC = "Lorg/jasyncio/internal/Rewritten;";
    /** The element of {@code @Rewritten} that holds {@link #PROTOCOL_VERSION}. */
    static final String REWRITTEN_PROTOCOL = "protocol";
    /** Bumped when docs/coroutine-protocol.md changes incompatibly. */
    static final int PROTOCOL_VERSION = 3;

    static final String ASYNCIO = "org/jasyncio/AsyncIO";
    /** Both overloads of {@code AsyncIO.await} (a {@code Future} and a {@code CompletionStage}) take one argument. */
    static final String AWAIT = "await";
    static final String TASK = "org/jasyncio/Task";
    static final String TASK_DESC = "L" + TASK + ";";
    static final String ASYNC_ITERATOR = "org/jasyncio/AsyncIterator";
    static final String ASYNC_ITERATOR_DESC = "L" + ASYNC_ITERATOR + ";";

    static final String COROUTINE = "org/jasyncio/internal/Coroutine";
    static final String COROUTINE_DESC = "L" + COROUTINE + ";";
    static final String COROUTINE_METHOD = "org/jasyncio/internal/CoroutineMethod";
    static final String COROUTINE_METHOD_DESC = "L" + COROUTINE_METHOD + ";";
    /** The name of the {@code invokedynamic} that yields a method's {@code CoroutineMethod}. */
    static final String DESCRIBE = "describe";
    /** {@code CoroutineMethod.bootstrap}: binds the resume bridge, the name, the lines and the layout. */
    static final Handle DESCRIBE_BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, COROUTINE_METHOD, "bootstrap",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "Ljava/lang/invoke/MethodHandle;Ljava/lang/String;Ljava/lang/String;Ljava/lang/Class;II)"
                    + "Ljava/lang/invoke/CallSite;", false);
    private static final String FRAMES = "org/jasyncio/internal/Frames$";
    /** The layouts with fields, smallest first: each of a size fits all the shapes of that size. */
    static final List<Layout> FIELD_LAYOUTS = List.of(
            new Layout(FRAMES + "R2", 2, 0, false), new Layout(FRAMES + "R1I1", 1, 1, false),
            new Layout(FRAMES + "I2", 0, 2, false), new Layout(FRAMES + "R4", 4, 0, false),
            new Layout(FRAMES + "R3I1", 3, 1, false), new Layout(FRAMES + "R2I2", 2, 2, false),
            new Layout(FRAMES + "R1I3", 1, 3, false), new Layout(FRAMES + "I4", 0, 4, false));
    /** A coroutine that keeps nothing: the runtime's {@code Coroutine} itself. */
    static final Layout EMPTY_LAYOUT = new Layout(COROUTINE, 0, 0, false);
    static final String SPILLED = FRAMES + "Spilled";
    static final Field SPILLED_REFS = new Field(SPILLED, "refs", "[" + "Ljava/lang/Object;");
    static final Field SPILLED_WORDS = new Field(SPILLED, "words", "[I");
    static final String RESUMER = "org/jasyncio/internal/Coroutine$Resumer";
    /** {@code Coroutine.Resumer}'s one method: what the resume bridge implements. */
    static final String RESUME = "resume";
    static final String RESUME_DESC = "(" + COROUTINE_DESC + ")" + TASK_DESC;

    private static final String OBJECT_DESC = "Ljava/lang/Object;";

    static final Field STATE = new Field(COROUTINE, "state", "I");

    static final Call RUNS_EAGERLY = new Call(Opcodes.INVOKESTATIC, COROUTINE, "runsEagerly", "()Z");
    static final Call CREATE = new Call(Opcodes.INVOKESTATIC, COROUTINE, "create",
            "(" + COROUTINE_METHOD_DESC + ")" + COROUTINE_DESC);
    static final Call PARK_ARGUMENTS = new Call(Opcodes.INVOKEVIRTUAL, COROUTINE, "parkArguments",
            "([" + OBJECT_DESC + ")V");
    static final Call ARGUMENT = new Call(Opcodes.INVOKEVIRTUAL, COROUTINE, "argument", "(I)" + OBJECT_DESC);
    static final Call START_SOON = new Call(Opcodes.INVOKEVIRTUAL, COROUTINE, "startSoon", "()V");
    static final Call IS_DONE = new Call(Opcodes.INVOKESTATIC, COROUTINE, "isDone", "(" + OBJECT_DESC + ")Z");
    static final Call RESULT_OF = new Call(Opcodes.INVOKESTATIC, COROUTINE, "resultOf",
            "(" + OBJECT_DESC + ")" + OBJECT_DESC);
    static final Call SUSPEND_ON = new Call(Opcodes.INVOKEVIRTUAL, COROUTINE, "suspendOn", "(" + OBJECT_DESC + "I)V");
    static final Call RESUME_VALUE = new Call(Opcodes.INVOKEVIRTUAL, COROUTINE, "resumeValue", "()" + OBJECT_DESC);
    static final Call COMPLETE = new Call(Opcodes.INVOKESTATIC, COROUTINE, "complete",
            "(" + TASK_DESC + COROUTINE_DESC + "I)" + TASK_DESC);
    static final Call FAIL = new Call(Opcodes.INVOKESTATIC, COROUTINE, "fail",
            "(Ljava/lang/Throwable;" + COROUTINE_DESC + ")" + TASK_DESC);

    /** What an async generator's body returns where the generator returned {@link #ITERATOR_END} (docs/iteration.md). */
    static final Call TASK_COMPLETED = new Call(Opcodes.INVOKESTATIC, TASK, "completed", "()" + TASK_DESC);
    static final Call ITERATOR_END = new Call(Opcodes.INVOKESTATIC, ASYNC_ITERATOR, "end", "()" + ASYNC_ITERATOR_DESC);
    static final Call GENERATE = new Call(Opcodes.INVOKESTATIC, ASYNC_ITERATOR, "generate",
            "(Ljava/util/function/Supplier;)" + ASYNC_ITERATOR_DESC);

    private RuntimeNames() {
    }

    /** True for a call of either {@code AsyncIO.await} overload. */
    static boolean isAwait(AbstractInsnNode insn) {
        return insn instanceof MethodInsnNode call
                && call.owner.equals(ASYNCIO)
                && call.name.equals(AWAIT)
                && Type.getArgumentTypes(call.desc).length == 1;
    }
}
