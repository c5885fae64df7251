package org.jasyncio.compiler;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * What a refused method's {@code await} does: throw {@code IllegalStateException} with the
 * refusal, instead of the runtime's "mark the method @Async and apply the plugin or the agent",
 * which would be untrue in a class whose other methods were rewritten. Each {@code await} call
 * becomes a call of a helper the class gets once, with the same stack effect (the awaitable in,
 * an {@code Object} out) and the refusal pushed as one more argument, so that the method's
 * code and javac's frames stay as they were.
 */
final class RefusedAwaits {

    private static final String HELPER = "await$refused";
    private static final String HELPER_DESC = "(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;";
    private static final String EXCEPTION = "java/lang/IllegalStateException";

    private RefusedAwaits() {
    }

    /** Makes every {@code await} of {@code method} throw {@code refusal}; true when it had one. */
    static boolean replace(ClassNode owner, MethodNode method, String refusal) {
        boolean replaced = false;
        for (AbstractInsnNode insn : method.instructions.toArray()) {
            if (RuntimeNames.isAwait(insn)) {
                method.instructions.insertBefore(insn, new LdcInsnNode(refusal));
                method.instructions.set(insn, new MethodInsnNode(Opcodes.INVOKESTATIC, owner.name, HELPER, HELPER_DESC,
                        (owner.access & Opcodes.ACC_INTERFACE) != 0));
                replaced = true;
            }
        }
        if (replaced) {
            method.maxStack++;
        }
        return replaced;
    }

    /** {@code private static Object await$refused(Object awaitable, String refusal) { throw new IllegalStateException(refusal); }} */
    static MethodNode helper() {
        MethodNode helper = new MethodNode(Opcodes.ASM9, Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                HELPER, HELPER_DESC, null, null);
        helper.instructions.add(new TypeInsnNode(Opcodes.NEW, EXCEPTION));
        helper.instructions.add(new InsnNode(Opcodes.DUP));
        helper.instructions.add(new VarInsnNode(Opcodes.ALOAD, 1));
        helper.instructions.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, EXCEPTION, "<init>", "(Ljava/lang/String;)V",
                false));
        helper.instructions.add(new InsnNode(Opcodes.ATHROW));
        helper.maxStack = 3;
        helper.maxLocals = 2;
        return helper;
    }
}
