package org.jasyncio.compiler;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Learns supertypes of missing classes from the frames javac wrote. Where two values meet,
 * javac's frame declares the slot's type (say {@code Base} for
 * {@code Base x = flag ? new SubA() : new SubB()}); every value flowing in is therefore a
 * subtype of it. When a class on the way is absent from the classpath, assuming it extends
 * {@code Object} would merge the two to {@code Object} and the rewritten code would not
 * verify; recording the declared type instead gives the frames javac itself computed.
 */
final class DeclaredSupertypes {

    private static final int MAX_ROUNDS = 4;

    private DeclaredSupertypes() {
    }

    /**
     * Teaches the context's hierarchy what javac's frames of the original method say about
     * missing classes. The class was read with its frames expanded to full local and stack
     * lists, so every frame stands on its own.
     */
    static void learn(MethodContext context) {
        String owner = context.owner.name;
        MethodNode method = context.method.original;
        ClassHierarchy hierarchy = context.hierarchy;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int missingBefore = hierarchy.missing().size();
            List<int[]> edges = new ArrayList<>();
            Analyzer<BasicValue> analyzer = new Analyzer<>(typesOnly(hierarchy)) {
                @Override
                protected void newControlFlowEdge(int insn, int successor) {
                    edges.add(new int[] {insn, successor});
                }
            };
            Frame<BasicValue>[] frames;
            try {
                frames = analyzer.analyze(owner, method);
            } catch (AnalyzerException unanalysable) {
                return;
            }
            if (hierarchy.missing().isEmpty()) {
                return;
            }
            boolean learned = false;
            for (int[] edge : edges) {
                FrameNode declared = declaredFrameAt(method, edge[1]);
                if (declared == null || frames[edge[0]] == null) {
                    continue;
                }
                Frame<BasicValue> after = new Frame<>(frames[edge[0]]);
                try {
                    after.execute(method.instructions.get(edge[0]), typesOnly(hierarchy));
                } catch (AnalyzerException | RuntimeException notExecutable) {
                    continue;
                }
                learned |= learn(declared.local, after, true, hierarchy) | learn(declared.stack, after, false, hierarchy);
            }
            if (!learned && hierarchy.missing().size() == missingBefore) {
                return;
            }
        }
    }

    private static boolean learn(List<Object> declared, Frame<BasicValue> values, boolean locals,
                                 ClassHierarchy hierarchy) {
        if (declared == null) {
            return false;
        }
        boolean learned = false;
        int slot = 0;
        for (Object type : declared) {
            int size = type == Opcodes.LONG || type == Opcodes.DOUBLE ? 2 : 1;
            int limit = locals ? values.getLocals() : values.getStackSize();
            if (type instanceof String name && !name.startsWith("[") && slot < limit) {
                BasicValue value = locals ? values.getLocal(slot) : values.getStack(slot);
                if (value.getType() != null && value.getType().getSort() == org.objectweb.asm.Type.OBJECT
                        && !value.getType().equals(SpilledValue.NULL)) {
                    String incoming = value.getType().getInternalName();
                    if (!hierarchy.isAssignable(name, incoming) && hierarchy.reachesMissing(incoming)) {
                        hierarchy.learnSupertype(incoming, name);
                        learned = true;
                    }
                }
            }
            slot += locals ? size : 1;
        }
        return learned;
    }

    /**
     * Infers types without checking them: before learning, a merge may still say
     * {@code Object} where javac's code needs {@code Base}, which is what is being fixed.
     */
    private static HierarchyVerifier typesOnly(ClassHierarchy hierarchy) {
        return new HierarchyVerifier(hierarchy) {
            @Override
            protected boolean isSubTypeOf(BasicValue value, BasicValue expected) {
                return true;
            }
        };
    }

    /**
     * The frame javac wrote for the code an edge leads to: control reaches the label, and the
     * frame follows it (with the line number), before the next real instruction.
     */
    private static FrameNode declaredFrameAt(MethodNode method, int index) {
        for (AbstractInsnNode insn = method.instructions.get(index); insn != null && insn.getOpcode() < 0;
             insn = insn.getNext()) {
            if (insn instanceof FrameNode frame) {
                return frame;
            }
        }
        return null;
    }
}
