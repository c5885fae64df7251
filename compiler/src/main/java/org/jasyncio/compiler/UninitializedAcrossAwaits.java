package org.jasyncio.compiler;

import java.util.BitSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The check behind {@link NewHoister}: the object of a {@code new X} whose constructor has not
 * run yet cannot be saved across a suspension (the verifier lets it live only on the stack and
 * in locals, never in an array or a field). Where one is still below an {@code await}'s operand
 * or in a live local after hoisting, which only bytecode javac does not write can cause (no
 * {@code DUP}, extra {@code DUP}s, a copy swapped under another value or stored to a local), the
 * method is refused, naming the {@code new}'s line; it is never emitted unverifiable.
 */
final class UninitializedAcrossAwaits {

    private UninitializedAcrossAwaits() {
    }

    static void check(MethodContext context) throws AnalyzerException, RefusalException {
        MethodNode body = context.body();
        if (!allocates(body)) {
            return;
        }
        String owner = context.owner.name;
        UninitializedObjects objects = UninitializedObjects.of(owner, body);
        Liveness liveness = Liveness.of(body, ControlFlow.of(owner, body));
        for (int index = 0; index < body.instructions.size(); index++) {
            Frame<BasicValue> frame = objects.before(index);
            if (frame == null || !RuntimeNames.isAwait(body.instructions.get(index))) {
                continue;
            }
            for (int slot = 0; slot < frame.getStackSize() - 1; slot++) {
                refuseIfUninitialized(frame.getStack(slot));
            }
            BitSet live = liveness.liveIn(index);
            for (int local = live.nextSetBit(0); local >= 0 && local < frame.getLocals(); local = live.nextSetBit(local + 1)) {
                refuseIfUninitialized(frame.getLocal(local));
            }
        }
    }

    private static boolean allocates(MethodNode body) {
        for (AbstractInsnNode insn : body.instructions) {
            if (insn.getOpcode() == Opcodes.NEW) {
                return true;
            }
        }
        return false;
    }

    private static void refuseIfUninitialized(BasicValue value) throws RefusalException {
        if (value instanceof UninitializedObjects.Uninitialized uninitialized) {
            throw new RefusalException(SourceLines.lineOf(uninitialized.allocation), "await while the object of new "
                    + Type.getObjectType(uninitialized.allocation.desc).getClassName() + "(...) is not initialised yet "
                    + "(its constructor runs after the await), in a bytecode shape other than javac's NEW, DUP, "
                    + "arguments, <init>: assign the awaited value to a local variable before the new");
        }
    }
}
