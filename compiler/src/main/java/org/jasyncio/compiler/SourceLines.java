package org.jasyncio.compiler;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/** Source line lookups over a method's line number table. */
final class SourceLines {

    private SourceLines() {
    }

    /** The line of the instruction, or 0 when the class has no line numbers. */
    static int lineOf(AbstractInsnNode insn) {
        for (AbstractInsnNode at = insn; at != null; at = at.getPrevious()) {
            if (at instanceof LineNumberNode line) {
                return line.line;
            }
        }
        return 0;
    }

    /** The first line of the method's body, or 0 when unknown. */
    static int firstLine(MethodNode method) {
        for (AbstractInsnNode at = method.instructions.getFirst(); at != null; at = at.getNext()) {
            if (at instanceof LineNumberNode line) {
                return line.line;
            }
        }
        return 0;
    }
}
