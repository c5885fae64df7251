package org.jasyncio.compiler;

import java.util.List;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * One place where a task may suspend: an {@code await} call (states 1..n) or the deferred
 * start of the body (state 0, with no await).
 *
 * @param state   the value of {@code co.state} that resumes here
 * @param await   the {@code AsyncIO.await} call this point replaces; {@code null} for state 0
 * @param line    its source line, recorded for task dumps and slow-callback reports
 * @param awaited the local that holds the awaited object while the point runs
 * @param stack   the operand stack below the awaited object, bottom first, each moved into a local
 * @param saved   what is spilled on suspension and restored on resumption: live locals and the stack
 */
record SuspensionPoint(int state, MethodInsnNode await, int line, int awaited, List<SpilledValue> stack,
                       List<SpilledValue> saved) {

    /** How many references this point keeps in the frame. */
    int references() {
        return saved.stream().filter(v -> v.isReference() && !v.isNull()).mapToInt(v -> v.index() + 1).max().orElse(0);
    }

    /** How many 32-bit words this point keeps in the frame. */
    int words() {
        return saved.stream().filter(v -> !v.isReference()).mapToInt(v -> v.index() + v.words()).max().orElse(0);
    }
}
