package org.jasyncio.compiler;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * {@code new Foo(a, await(f))}: javac pushes the uninitialised {@code Foo} before evaluating
 * the arguments, and an uninitialised object cannot be saved across a suspension. For every
 * {@code new} whose constructor arguments contain an {@code await}, this pass deletes the
 * {@code NEW; DUP} and re-creates them right before the constructor call, after moving the
 * evaluated arguments into fresh locals. Argument evaluation order is unchanged; only the
 * allocation moves (as Kilim did), which no Java program can observe.
 */
final class NewHoister {

    private record Site(TypeInsnNode allocation, AbstractInsnNode dup, MethodInsnNode constructor) {
    }

    private NewHoister() {
    }

    /** Rewrites the body in place, keeping the moved arguments in fresh locals. */
    static void hoist(MethodContext context) throws AnalyzerException {
        MethodNode body = context.body();
        for (Site site : findSites(context.owner.name, body)) {
            moveAllocation(body.instructions, site, context.locals());
        }
    }

    private static List<Site> findSites(String owner, MethodNode method) throws AnalyzerException {
        UninitializedObjects objects = UninitializedObjects.of(owner, method);
        AbstractInsnNode[] insns = method.instructions.toArray();
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < insns.length; i++) {
            Frame<BasicValue> frame = objects.before(i);
            if (insns[i].getOpcode() != Opcodes.NEW || frame == null) {
                continue;
            }
            TypeInsnNode allocation = (TypeInsnNode) insns[i];
            int depth = frame.getStackSize();
            boolean awaitSeen = false;
            for (int j = i + 1; j < insns.length; j++) {
                if (RuntimeNames.isAwait(insns[j])) {
                    awaitSeen = true;
                }
                if (isConstructorOf(insns[j], allocation.desc) && objects.before(j) != null
                        && receiverDepth(objects.before(j), (MethodInsnNode) insns[j]) == depth) {
                    AbstractInsnNode dup = nextInstruction(allocation);
                    if (awaitSeen && dup.getOpcode() == Opcodes.DUP
                            && untouched(objects, method.instructions.indexOf(dup) + 1, j, depth)) {
                        sites.add(new Site(allocation, dup, (MethodInsnNode) insns[j]));
                    }
                    break;
                }
            }
        }
        return sites;
    }

    /**
     * javac's shape: from after the {@code DUP} to the constructor call, the two copies stay
     * where {@code NEW, DUP} put them, the stack above them is the arguments', and no other
     * copy exists. Only then does moving {@code NEW, DUP} change nothing but the allocation's
     * time; any other shape is left for {@link UninitializedAcrossAwaits} to refuse.
     */
    private static boolean untouched(UninitializedObjects objects, int from, int constructor, int depth) {
        BasicValue object = objects.before(from) == null ? null : objects.before(from).getStack(depth);
        if (!(object instanceof UninitializedObjects.Uninitialized)) {
            return false;
        }
        for (int k = from; k <= constructor; k++) {
            Frame<BasicValue> frame = objects.before(k);
            if (frame == null) {
                continue;
            }
            if (frame.getStackSize() < depth + 2 || frame.getStack(depth) != object || frame.getStack(depth + 1) != object) {
                return false;
            }
            for (int slot = depth + 2; slot < frame.getStackSize(); slot++) {
                if (frame.getStack(slot) == object) {
                    return false;
                }
            }
            for (int local = 0; local < frame.getLocals(); local++) {
                if (frame.getLocal(local) == object) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isConstructorOf(AbstractInsnNode insn, String type) {
        return insn.getOpcode() == Opcodes.INVOKESPECIAL && insn instanceof MethodInsnNode call
                && call.name.equals("<init>") && call.owner.equals(type);
    }

    /** The stack depth below the receiver of a constructor call (the receiver being the DUP'ed copy). */
    private static int receiverDepth(Frame<BasicValue> frame, MethodInsnNode constructor) {
        return frame.getStackSize() - Type.getArgumentTypes(constructor.desc).length - 2;
    }

    private static AbstractInsnNode nextInstruction(AbstractInsnNode insn) {
        AbstractInsnNode next = insn.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        return next == null ? insn : next;
    }

    private static void moveAllocation(InsnList code, Site site, LocalSlots locals) {
        code.remove(site.allocation());
        code.remove(site.dup());
        Type[] arguments = Type.getArgumentTypes(site.constructor().desc);
        int[] slots = new int[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            slots[a] = locals.allocate(arguments[a]);
        }
        InsnList before = new InsnList();
        for (int a = arguments.length - 1; a >= 0; a--) {
            before.add(new VarInsnNode(arguments[a].getOpcode(Opcodes.ISTORE), slots[a]));
        }
        before.add(new TypeInsnNode(Opcodes.NEW, site.allocation().desc));
        before.add(new InsnNode(Opcodes.DUP));
        for (int a = 0; a < arguments.length; a++) {
            before.add(new VarInsnNode(arguments[a].getOpcode(Opcodes.ILOAD), slots[a]));
        }
        code.insertBefore(site.constructor(), before);
    }
}
