package org.jasyncio.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Fits the body's local variable table to the state machine, so that a debugger never shows a
 * wrong value and never fails: a resumption enters the body through the bridge, which passes no
 * locals, and the restore code puts back only what the task kept across the {@code await}. Each
 * variable's range keeps only the instructions where its slot holds the value the code gave it
 * on every path there; where a variable was not kept, its range ends at the {@code await} and
 * starts again where the code next stores to it, as Kotlin's compiler splits its table.
 */
final class LocalVariableRanges {

    private LocalVariableRanges() {
    }

    static void fit(MethodContext context) {
        MethodNode body = context.body();
        if (body.localVariables == null || body.localVariables.isEmpty()) {
            return;
        }
        BitSet[] held = held(body, context.method, context.resumption());
        Map<AbstractInsnNode, LabelNode> splits = new IdentityHashMap<>();
        List<LocalVariableNode> fitted = new ArrayList<>();
        for (LocalVariableNode local : body.localVariables) {
            fitted.addAll(split(body.instructions, local, held, splits));
        }
        splits.forEach((insn, label) -> body.instructions.insertBefore(insn, label));
        body.localVariables = fitted;
    }

    /**
     * For each instruction, the slots that hold their code's value on entry to it on every path:
     * at a fresh call the receiver, the parameters and the coroutine; a store adds its slot; at
     * the resumption entry only the receiver and the coroutine are left (the restore code that
     * follows adds what it restores). {@code null} marks an unreachable instruction.
     */
    private static BitSet[] held(MethodNode body, AsyncMethod method, LabelNode resumption) {
        InsnList code = body.instructions;
        int size = code.size();
        List<List<Integer>> handlers = handlers(body);
        BitSet[] in = new BitSet[size];
        BitSet entry = new BitSet();
        entry.set(0, method.coroutineSlot + 1);
        in[0] = entry;
        ArrayDeque<Integer> work = new ArrayDeque<>();
        work.add(0);
        while (!work.isEmpty()) {
            int i = work.poll();
            AbstractInsnNode insn = code.get(i);
            BitSet out = (BitSet) in[i].clone();
            if (insn == resumption) {
                out.clear();
                if (!method.isStatic) {
                    out.set(0);
                }
                out.set(method.coroutineSlot);
            } else if (insn instanceof VarInsnNode var && var.getOpcode() >= Opcodes.ISTORE
                    && var.getOpcode() <= Opcodes.ASTORE) {
                out.set(var.var);
                if (var.getOpcode() == Opcodes.LSTORE || var.getOpcode() == Opcodes.DSTORE) {
                    out.clear(var.var + 1);
                }
            }
            for (int successor : successors(code, insn, i)) {
                flow(in, out, successor, work);
            }
            // A handler sees the slots as they were before any instruction of its range.
            for (int handler : handlers.get(i)) {
                flow(in, in[i], handler, work);
            }
        }
        return in;
    }

    private static void flow(BitSet[] in, BitSet state, int target, ArrayDeque<Integer> work) {
        if (in[target] == null) {
            in[target] = (BitSet) state.clone();
            work.add(target);
            return;
        }
        BitSet met = (BitSet) in[target].clone();
        met.and(state);
        if (!met.equals(in[target])) {
            in[target] = met;
            work.add(target);
        }
    }

    private static List<Integer> successors(InsnList code, AbstractInsnNode insn, int index) {
        List<Integer> successors = new ArrayList<>(2);
        if (insn instanceof JumpInsnNode jump) {
            successors.add(code.indexOf(jump.label));
        } else if (insn instanceof TableSwitchInsnNode table) {
            successors.add(code.indexOf(table.dflt));
            table.labels.forEach(label -> successors.add(code.indexOf(label)));
        } else if (insn instanceof LookupSwitchInsnNode lookup) {
            successors.add(code.indexOf(lookup.dflt));
            lookup.labels.forEach(label -> successors.add(code.indexOf(label)));
        }
        int opcode = insn.getOpcode();
        boolean ends = opcode == Opcodes.GOTO || opcode == Opcodes.ATHROW || opcode == Opcodes.RET
                || (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN)
                || insn instanceof TableSwitchInsnNode || insn instanceof LookupSwitchInsnNode;
        if (!ends && index + 1 < code.size()) {
            successors.add(index + 1);
        }
        return successors;
    }

    /** For each instruction, the handlers whose range covers it. */
    private static List<List<Integer>> handlers(MethodNode body) {
        InsnList code = body.instructions;
        List<List<Integer>> handlers = new ArrayList<>(code.size());
        for (int i = 0; i < code.size(); i++) {
            handlers.add(new ArrayList<>(1));
        }
        for (TryCatchBlockNode block : body.tryCatchBlocks) {
            int handler = code.indexOf(block.handler);
            for (int i = code.indexOf(block.start); i < code.indexOf(block.end); i++) {
                handlers.get(i).add(handler);
            }
        }
        return handlers;
    }

    /**
     * The parts of {@code local}'s range where its slot is held, each bounded by labels placed
     * before the instruction where it becomes held or stops being held (recorded in {@code splits},
     * shared by all variables, and inserted once every range is known).
     */
    private static List<LocalVariableNode> split(InsnList code, LocalVariableNode local, BitSet[] held,
                                                 Map<AbstractInsnNode, LabelNode> splits) {
        List<LocalVariableNode> parts = new ArrayList<>(1);
        LabelNode open = null;
        boolean first = true;
        boolean visible = false;
        for (int i = code.indexOf(local.start); i < code.indexOf(local.end); i++) {
            AbstractInsnNode insn = code.get(i);
            // Labels, line numbers and frames have no offset of their own; unreachable code never
            // stops, so it keeps whatever the instructions before it decided.
            if (insn.getOpcode() < 0 || held[i] == null) {
                continue;
            }
            boolean holds = held[i].get(local.index);
            if (holds && !visible) {
                open = first ? local.start : splits.computeIfAbsent(insn, at -> new LabelNode());
            } else if (!holds && visible) {
                parts.add(new LocalVariableNode(local.name, local.desc, local.signature, open,
                        splits.computeIfAbsent(insn, at -> new LabelNode()), local.index));
            }
            visible = holds;
            first = false;
        }
        if (visible) {
            parts.add(new LocalVariableNode(local.name, local.desc, local.signature, open, local.end, local.index));
        }
        return parts;
    }
}
