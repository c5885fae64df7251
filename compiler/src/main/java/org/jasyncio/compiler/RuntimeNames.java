package org.jasyncio.compiler;

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

    /** A public instance field of the runtime that generated code reads. */
    record Field(String owner, String name, String desc) {

        FieldInsnNode get() {
            return new FieldInsnNode(Opcodes.GETFIELD, owner, name, desc);
        }
    }

    static final String ASYNC_DESC = "Lorg/jasyncio/Async;";
    static final String REWRITTEN_DESC = "Lorg/jasyncio/internal/Rewritten;";
    /** The element of {@code @Rewritten} that holds {@link #PROTOCOL_VERSION}. */
    static final String REWRITTEN_PROTOCOL = "protocol";
    /** Bumped when docs/coroutine-protocol.md changes incompatibly. */
    static final int PROTOCOL_VERSION = 1;

    static final String ASYNCIO = "org/jasyncio/AsyncIO";
    /** Both overloads of {@code AsyncIO.await} (a {@code Future} and a {@code CompletionStage}) take one argument. */
    static final String AWAIT = "await";
    static final String TASK = "org/jasyncio/Task";
    static final String TASK_DESC = "L" + TASK + ";";
    static final String ASYNC_ITERATOR = "org/jasyncio/AsyncIterator";
    static final String ASYNC_ITERATOR_DESC = "L" + ASYNC_ITERATOR + ";";

    static final String COROUTINE = "org/jasyncio/internal/Coroutine";
    static final String COROUTINE_DESC = "L" + COROUTINE + ";";
    static final String RESUMER = "org/jasyncio/internal/Coroutine$Resumer";
    /** {@code Coroutine.Resumer}'s one method: what the resume bridge implements. */
    static final String RESUME = "resume";
    static final String RESUME_DESC = "(" + COROUTINE_DESC + ")" + TASK_DESC;

    private static final String OBJECT_DESC = "Ljava/lang/Object;";

    static final Field STATE = new Field(COROUTINE, "state", "I");
    static final Field REFS = new Field(COROUTINE, "refs", "[" + OBJECT_DESC);
    static final Field PRIMS = new Field(COROUTINE, "prims", "[J");

    static final Call RUNS_EAGERLY = new Call(Opcodes.INVOKESTATIC, COROUTINE, "runsEagerly", "()Z");
    static final Call CREATE = new Call(Opcodes.INVOKESTATIC, COROUTINE, "create",
            "(L" + RESUMER + ";IILjava/lang/String;)" + COROUTINE_DESC);
    static final Call START_SOON = new Call(Opcodes.INVOKEVIRTUAL, COROUTINE, "startSoon", "()V");
    static final Call IS_DONE = new Call(Opcodes.INVOKESTATIC, COROUTINE, "isDone", "(" + OBJECT_DESC + ")Z");
    static final Call RESULT_OF = new Call(Opcodes.INVOKESTATIC, COROUTINE, "resultOf",
            "(" + OBJECT_DESC + ")" + OBJECT_DESC);
    static final Call SUSPEND_ON = new Call(Opcodes.INVOKEVIRTUAL, COROUTINE, "suspendOn", "(" + OBJECT_DESC + "II)V");
    static final Call RESUME_VALUE = new Call(Opcodes.INVOKEVIRTUAL, COROUTINE, "resumeValue", "()" + OBJECT_DESC);
    static final Call COMPLETE = new Call(Opcodes.INVOKESTATIC, COROUTINE, "complete",
            "(" + TASK_DESC + COROUTINE_DESC + ")" + TASK_DESC);
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
