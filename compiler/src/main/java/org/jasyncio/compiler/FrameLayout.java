package org.jasyncio.compiler;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The runtime frame a method's tasks keep their values in (docs/coroutine-protocol.md, "Frames"):
 * the smallest of {@link RuntimeNames#FIELD_LAYOUTS} that fits every suspension point, or arrays
 * when none does. Generated code reaches the fields through a cast of the coroutine parameter.
 */
final class FrameLayout {

    final RuntimeNames.Layout layout;

    private FrameLayout(RuntimeNames.Layout layout) {
        this.layout = layout;
    }

    /** The smallest layout with room for {@code references} references and {@code words} words. */
    static FrameLayout fitting(int references, int words) {
        if (references == 0 && words == 0) {
            return new FrameLayout(RuntimeNames.EMPTY_LAYOUT);
        }
        for (RuntimeNames.Layout candidate : RuntimeNames.FIELD_LAYOUTS) {
            if (candidate.references() >= references && candidate.words() >= words) {
                return new FrameLayout(candidate);
            }
        }
        return new FrameLayout(new RuntimeNames.Layout(RuntimeNames.SPILLED, references, words, true));
    }

    /** {@code ((Layout) co).slot = value}, where {@code value} pushes one reference or one {@code int}. */
    void store(InsnList out, int coroutine, boolean reference, int index, InsnList value) {
        frame(out, coroutine);
        if (layout.arrays()) {
            out.add((reference ? RuntimeNames.SPILLED_REFS : RuntimeNames.SPILLED_WORDS).get());
            out.add(Constants.push(index));
            out.add(value);
            out.add(new InsnNode(reference ? Opcodes.AASTORE : Opcodes.IASTORE));
        } else {
            out.add(value);
            out.add((reference ? layout.reference(index) : layout.word(index)).put());
        }
    }

    /** Pushes {@code ((Layout) co).slot}. */
    void load(InsnList out, int coroutine, boolean reference, int index) {
        frame(out, coroutine);
        if (layout.arrays()) {
            out.add((reference ? RuntimeNames.SPILLED_REFS : RuntimeNames.SPILLED_WORDS).get());
            out.add(Constants.push(index));
            out.add(new InsnNode(reference ? Opcodes.AALOAD : Opcodes.IALOAD));
        } else {
            out.add((reference ? layout.reference(index) : layout.word(index)).get());
        }
    }

    private void frame(InsnList out, int coroutine) {
        out.add(new VarInsnNode(Opcodes.ALOAD, coroutine));
        out.add(new TypeInsnNode(Opcodes.CHECKCAST, layout.owner()));
    }
}
