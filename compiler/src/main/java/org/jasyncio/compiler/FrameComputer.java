package org.jasyncio.compiler;

import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Computes stack map frames and max sizes for the generated methods only. The rest of the
 * class keeps the frames javac wrote, so a class hierarchy the compiler cannot fully see
 * can only affect the methods it rewrote.
 */
final class FrameComputer {

    private FrameComputer() {
    }

    /** Replaces the context's output with copies that have frames and max sizes; throws what ASM throws for invalid or too large code. */
    static void compute(MethodContext context) {
        context.replaceOutput(compute(context.owner, context.output(), context.hierarchy));
    }

    private static List<MethodNode> compute(ClassNode owner, List<MethodNode> methods, ClassHierarchy hierarchy) {
        ClassWriter scratch = new HierarchyClassWriter(hierarchy);
        scratch.visit(owner.version, owner.access, owner.name, null, owner.superName,
                owner.interfaces.toArray(String[]::new));
        for (MethodNode method : methods) {
            MethodVisitor visitor = scratch.visitMethod(method.access, method.name, method.desc, method.signature,
                    method.exceptions.toArray(String[]::new));
            method.accept(WideJumps.needed(method) ? new WideJumps(visitor, true) : visitor);
        }
        scratch.visitEnd();
        ClassNode computed = new ClassNode();
        new ClassReader(scratch.toByteArray()).accept(computed, 0);
        return computed.methods;
    }
}
