package org.jasyncio.compiler;

import java.util.ArrayDeque;
import java.util.BitSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which local variable slots are live (read later before being written) on entry to each
 * instruction. Only live values are spilled at a suspension point, so a task holds no more
 * than it will use.
 */
final class Liveness {

    private final BitSet[] liveIn;

    private Liveness(BitSet[] liveIn) {
        this.liveIn = liveIn;
    }

    static Liveness of(MethodNode method, ControlFlow flow) {
        int size = method.instructions.size();
        BitSet[] liveIn = new BitSet[size];
        for (int i = 0; i < size; i++) {
            liveIn[i] = new BitSet();
        }
        ArrayDeque<Integer> work = new ArrayDeque<>();
        boolean[] queued = new boolean[size];
        for (int i = size - 1; i >= 0; i--) {
            work.add(i);
            queued[i] = true;
        }
        int[][] predecessors = predecessors(flow);
        while (!work.isEmpty()) {
            int i = work.poll();
            queued[i] = false;
            BitSet live = new BitSet();
            for (int successor : flow.successors(i)) {
                live.or(liveIn[successor]);
            }
            AbstractInsnNode insn = method.instructions.get(i);
            if (insn instanceof VarInsnNode var) {
                if (var.getOpcode() >= Opcodes.ISTORE && var.getOpcode() <= Opcodes.ASTORE) {
                    live.clear(var.var);
                } else if (var.getOpcode() != Opcodes.RET) {
                    live.set(var.var);
                }
            } else if (insn instanceof IincInsnNode iinc) {
                live.set(iinc.var);
            }
            if (!live.equals(liveIn[i])) {
                liveIn[i] = live;
                for (int predecessor : predecessors[i]) {
                    if (!queued[predecessor]) {
                        queued[predecessor] = true;
                        work.add(predecessor);
                    }
                }
            }
        }
        return new Liveness(liveIn);
    }

    private static int[][] predecessors(ControlFlow flow) {
        int size = flow.size();
        int[] counts = new int[size];
        for (int i = 0; i < size; i++) {
            for (int successor : flow.successors(i)) {
                counts[successor]++;
            }
        }
        int[][] predecessors = new int[size][];
        for (int i = 0; i < size; i++) {
            predecessors[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int i = 0; i < size; i++) {
            for (int successor : flow.successors(i)) {
                predecessors[successor][counts[successor]++] = i;
            }
        }
        return predecessors;
    }

    /** The slots live on entry to the instruction at {@code index}. */
    BitSet liveIn(int index) {
        return liveIn[index];
    }
}
