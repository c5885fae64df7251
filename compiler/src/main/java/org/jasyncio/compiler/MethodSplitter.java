package org.jasyncio.compiler;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Moves an {@code @Async} method's code into its body method and gives the original method
 * and the resume bridge their few instructions. The body is moved, never copied: there is
 * one copy of the user's code, with its line numbers and local variable names.
 */
final class MethodSplitter {

    private MethodSplitter() {
    }

    /** Splits the method into the entry (the original, emptied), the body and the bridge. */
    static void split(MethodContext context) {
        AsyncMethod method = context.method;
        int line = SourceLines.firstLine(method.original);
        MethodNode body = body(method);
        entry(method, body.localVariables, line);
        context.split(body, bridge(method, line));
    }

    /** Takes the code out of the original method; local slots from the coroutine's slot up move by one. */
    private static MethodNode body(AsyncMethod method) {
        MethodNode original = method.original;
        int access = Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC | (method.isStatic ? Opcodes.ACC_STATIC : 0);
        MethodNode body = new MethodNode(Opcodes.ASM9, access, method.bodyName, method.bodyDesc, null,
                original.exceptions.toArray(String[]::new));
        body.instructions = original.instructions;
        body.tryCatchBlocks = original.tryCatchBlocks;
        body.localVariables = original.localVariables;
        body.maxLocals = original.maxLocals + 1;
        body.maxStack = original.maxStack;
        original.instructions = new InsnList();
        original.tryCatchBlocks = new ArrayList<>();
        original.localVariables = null;
        original.visibleLocalVariableAnnotations = null;
        original.invisibleLocalVariableAnnotations = null;
        shiftLocals(body, method.coroutineSlot);
        return body;
    }

    private static void shiftLocals(MethodNode body, int from) {
        for (AbstractInsnNode insn : body.instructions.toArray()) {
            if (insn instanceof VarInsnNode var && var.var >= from) {
                var.var++;
            } else if (insn instanceof IincInsnNode iinc && iinc.var >= from) {
                iinc.var++;
            } else if (insn instanceof FrameNode) {
                body.instructions.remove(insn); // recomputed after the rewrite
            }
        }
        if (body.localVariables != null) {
            for (LocalVariableNode local : body.localVariables) {
                if (local.index >= from) {
                    local.index++;
                }
            }
        }
    }

    /** The original method, reduced to {@code return name$async(args..., null)}; parameter names stay visible. */
    private static void entry(AsyncMethod method, List<LocalVariableNode> bodyLocals, int line) {
        MethodNode entry = method.original;
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        InsnList code = entry.instructions;
        code.add(start);
        if (line > 0) {
            code.add(new LineNumberNode(line, start));
        }
        int slot = 0;
        if (!method.isStatic) {
            code.add(new VarInsnNode(Opcodes.ALOAD, 0));
            slot = 1;
        }
        for (Type parameter : method.parameters) {
            code.add(new VarInsnNode(parameter.getOpcode(Opcodes.ILOAD), slot));
            slot += parameter.getSize();
        }
        code.add(new InsnNode(Opcodes.ACONST_NULL));
        code.add(callBody(method));
        code.add(new InsnNode(Opcodes.ARETURN));
        code.add(end);
        if (bodyLocals != null) {
            entry.localVariables = new ArrayList<>();
            for (LocalVariableNode local : bodyLocals) {
                if (local.index < method.coroutineSlot) {
                    entry.localVariables.add(new LocalVariableNode(local.name, local.desc, local.signature,
                            start, end, local.index));
                }
            }
        }
    }

    /** {@code static Task name$resume$N(Coroutine co) { return [receiver.]name$async(zeros..., co); }} */
    private static MethodNode bridge(AsyncMethod method, int line) {
        MethodNode bridge = new MethodNode(Opcodes.ASM9, Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                method.bridgeName, RuntimeNames.RESUME_DESC, null, null);
        InsnList code = bridge.instructions;
        LabelNode start = new LabelNode();
        code.add(start);
        if (line > 0) {
            code.add(new LineNumberNode(line, start));
        }
        if (!method.isStatic) {
            // the emitter makes this load of the coroutine a load of the receiver from its frame
            code.add(new VarInsnNode(Opcodes.ALOAD, 0));
            code.add(new TypeInsnNode(Opcodes.CHECKCAST, method.owner.name));
        }
        for (Type parameter : method.parameters) {
            code.add(Constants.zero(parameter));
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        code.add(callBody(method));
        code.add(new InsnNode(Opcodes.ARETURN));
        return bridge;
    }

    private static MethodInsnNode callBody(AsyncMethod method) {
        return new MethodInsnNode(method.bodyInvokeOpcode(), method.owner.name, method.bodyName, method.bodyDesc,
                method.inInterface);
    }
}
