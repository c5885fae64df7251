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

    static boolean isMarked(ClassNode owner) {
        return owner.invisibleAnnotations != null
                && owner.invisibleAnnotations.stream().anyMatch(a -> a.desc.equals(RuntimeNames.REWRITTEN_DESC));
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
