package org.jasyncio.compiler;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/** The runtime names the compiler recognises in user code and calls in generated code. */
final class RuntimeNames {

    static final String ASYNC_DESC = "Lorg/jasyncio/Async;";
    static final String REWRITTEN_DESC = "Lorg/jasyncio/internal/Rewritten;";
    /** Bumped when docs/coroutine-protocol.md changes incompatibly. */
    static final int PROTOCOL_VERSION = 1;

    static final String ASYNCIO = "org/jasyncio/AsyncIO";
    static final String AWAIT = "await";
    static final String TASK = "org/jasyncio/Task";
    static final String TASK_DESC = "Lorg/jasyncio/Task;";
    static final String COROUTINE = "org/jasyncio/internal/Coroutine";
    static final String COROUTINE_DESC = "Lorg/jasyncio/internal/Coroutine;";
    static final String RESUMER = "org/jasyncio/internal/Coroutine$Resumer";
    static final String RESUME_DESC = "(" + COROUTINE_DESC + ")" + TASK_DESC;

    /** The oldest class file version rewritten; every newer one ASM reads is rewritten too. */
    static final int MIN_VERSION = 52;

    private RuntimeNames() {
    }

    /** True for a call of either {@code AsyncIO.await} overload. */
    static boolean isAwait(AbstractInsnNode insn) {
        return insn instanceof MethodInsnNode call
                && call.owner.equals(ASYNCIO)
                && call.name.equals(AWAIT)
                && Type.getArgumentTypes(call.desc).length == 1;
    }

    /** Java's name for a class file major version: 52 is Java 8, 69 is Java 25. */
    static int javaVersion(int classFileVersion) {
        return classFileVersion - 44;
    }
}
