package org.jasyncio.compiler;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * How many monitors are held on entry to each instruction, so that an {@code await} inside a
 * {@code synchronized} block can be refused: on a one-thread loop every task re-enters the
 * same monitor, so holding it across a suspension protects nothing.
 */
final class MonitorDepth {

    private static final int CAP = 255;

    private final int[] depth;

    private MonitorDepth(int[] depth) {
        this.depth = depth;
    }

    static MonitorDepth of(MethodNode method, ControlFlow flow) {
        int size = method.instructions.size();
        int[] depth = new int[size];
        Arrays.fill(depth, -1);
        if (size == 0) {
            return new MonitorDepth(depth);
        }
        ArrayDeque<Integer> work = new ArrayDeque<>();
        depth[0] = 0;
        work.add(0);
        while (!work.isEmpty()) {
            int i = work.poll();
            int out = depth[i];
            int opcode = method.instructions.get(i).getOpcode();
            if (opcode == Opcodes.MONITORENTER) {
                out = Math.min(CAP, out + 1);
            } else if (opcode == Opcodes.MONITOREXIT) {
                out = Math.max(0, out - 1);
            }
            for (int successor : flow.successors(i)) {
                // Handlers of a synchronized region are reached from the instructions inside it,
                // so the maximum over predecessors gives them the region's depth.
                if (out > depth[successor]) {
                    depth[successor] = out;
                    work.add(successor);
                }
            }
        }
        return new MonitorDepth(depth);
    }

    boolean held(int index) {
        return depth[index] > 0;
    }
}
