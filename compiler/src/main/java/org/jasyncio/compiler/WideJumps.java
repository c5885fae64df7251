package org.jasyncio.compiler;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * Writes the jumps of a method whose code may outgrow two-byte jump offsets in their four-byte
 * form ({@code goto_w}; a conditional jump becomes the opposite condition over a {@code goto_w}).
 * Left to itself, ASM 9.11.1 widens such jumps after the fact, and in doing so also marks
 * backward jumps it then reads as forward ones: the round trip fails with an
 * ArrayIndexOutOfBoundsException in {@code ClassWriter.replaceAsmInstructions}. With every jump
 * wide from the start, that round trip never happens.
 */
final class WideJumps extends MethodVisitor {

    /** The JVM's {@code goto_w} (JVMS 6.5); ASM's MethodWriter takes it, its Opcodes leaves it out. */
    private static final int GOTO_W = 200;

    /** The longest instruction but the switches: {@code wide iinc}. */
    private static final int LONGEST_INSTRUCTION = 6;

    private final boolean conditionals;

    /**
     * @param conditionals whether conditional jumps are widened too, which adds a jump target
     *                     after each; only when frames are computed afterwards
     */
    WideJumps(MethodVisitor next, boolean conditionals) {
        super(Opcodes.ASM9, next);
        this.conditionals = conditionals;
    }

    /** Whether the code of {@code method} may be longer than a two-byte jump offset reaches. */
    static boolean needed(MethodNode method) {
        long bound = 0;
        for (AbstractInsnNode instruction : method.instructions) {
            if (instruction instanceof TableSwitchInsnNode table) {
                bound += 16 + 4L * table.labels.size();
            } else if (instruction instanceof LookupSwitchInsnNode lookup) {
                bound += 12 + 8L * lookup.labels.size();
            } else if (instruction.getOpcode() >= 0) {
                bound += LONGEST_INSTRUCTION;
            }
        }
        return bound > Short.MAX_VALUE;
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        if (opcode == Opcodes.GOTO) {
            super.visitJumpInsn(GOTO_W, label);
        } else if (conditionals && opcode != Opcodes.JSR) {
            Label skip = new Label();
            super.visitJumpInsn(opposite(opcode), skip);
            super.visitJumpInsn(GOTO_W, label);
            super.visitLabel(skip);
        } else {
            super.visitJumpInsn(opcode, label);
        }
    }

    /** IFEQ and IFNE, IFLT and IFGE, ... IFNULL and IFNONNULL are pairs of neighbouring opcodes. */
    private static int opposite(int opcode) {
        return opcode >= Opcodes.IFNULL ? opcode ^ 1 : ((opcode + 1) ^ 1) - 1;
    }
}
