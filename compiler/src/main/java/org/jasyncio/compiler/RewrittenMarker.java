package org.jasyncio.compiler;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InnerClassNode;

/**
 * The {@code @Rewritten(protocol = N)} mark on a rewritten class: the protocol its code calls,
 * and the reason a class is never rewritten twice.
 */
final class RewrittenMarker {

    private static final String LOOKUP = "java/lang/invoke/MethodHandles$Lookup";

    private RewrittenMarker() {
    }

    /** The protocol of the mark on {@code owner}, or -1 if it was never rewritten. */
    static int protocolOf(ClassNode owner) {
        if (owner.invisibleAnnotations == null) {
            return -1;
        }
        for (AnnotationNode annotation : owner.invisibleAnnotations) {
            if (annotation.desc.equals(RuntimeNames.REWRITTEN_DESC)) {
                int at = annotation.values == null ? -1 : annotation.values.indexOf(RuntimeNames.REWRITTEN_PROTOCOL);
                return at >= 0 && at % 2 == 0 && annotation.values.get(at + 1) instanceof Integer protocol ? protocol : 0;
            }
        }
        return -1;
    }

    /**
     * Adds the mark, and the {@code MethodHandles.Lookup} inner class entry that javac writes
     * for every class with an {@code invokedynamic}, which the resume bridges now are.
     */
    static void mark(ClassNode owner) {
        AnnotationNode marker = new AnnotationNode(RuntimeNames.REWRITTEN_DESC);
        marker.values = new ArrayList<>(List.of(RuntimeNames.REWRITTEN_PROTOCOL, RuntimeNames.PROTOCOL_VERSION));
        if (owner.invisibleAnnotations == null) {
            owner.invisibleAnnotations = new ArrayList<>();
        }
        owner.invisibleAnnotations.add(marker);
        if (owner.innerClasses.stream().noneMatch(inner -> inner.name.equals(LOOKUP))) {
            owner.innerClasses.add(new InnerClassNode(LOOKUP, "java/lang/invoke/MethodHandles", "Lookup",
                    Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL));
        }
    }
}
