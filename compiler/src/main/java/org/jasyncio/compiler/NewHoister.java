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
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
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
    static void hoist(MethodContext context) throws AnalyzerException, RefusalException {
        MethodNode body = context.body();
        for (Site site : findSites(context.owner.name, body)) {
            moveAllocation(body.instructions, site, context.locals());
        }
    }

    private static List<Site> findSites(String owner, MethodNode method) throws AnalyzerException, RefusalException {
        Frame<BasicValue>[] frames = new Analyzer<>(new BasicInterpreter()).analyze(owner, method);
        AbstractInsnNode[] insns = method.instructions.toArray();
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < insns.length; i++) {
            if (insns[i].getOpcode() != Opcodes.NEW || frames[i] == null) {
                continue;
            }
            TypeInsnNode allocation = (TypeInsnNode) insns[i];
            int depth = frames[i].getStackSize();
            boolean awaitSeen = false;
            for (int j = i + 1; j < insns.length; j++) {
                if (RuntimeNames.isAwait(insns[j])) {
                    awaitSeen = true;
                }
                if (isConstructorOf(insns[j], allocation.desc) && frames[j] != null
                        && receiverDepth(frames[j], (MethodInsnNode) insns[j]) == depth) {
                    if (awaitSeen) {
                        sites.add(new Site(allocation, requireDup(allocation), (MethodInsnNode) insns[j]));
                    }
                    break;
                }
            }
        }
        return sites;
    }

    private static boolean isConstructorOf(AbstractInsnNode insn, String type) {
        return insn.getOpcode() == Opcodes.INVOKESPECIAL && insn instanceof MethodInsnNode call
                && call.name.equals("<init>") && call.owner.equals(type);
    }

    /** The stack depth below the receiver of a constructor call (the receiver being the DUP'ed copy). */
    private static int receiverDepth(Frame<BasicValue> frame, MethodInsnNode constructor) {
        return frame.getStackSize() - Type.getArgumentTypes(constructor.desc).length - 2;
    }

    private static AbstractInsnNode requireDup(TypeInsnNode allocation) throws RefusalException {
        AbstractInsnNode next = allocation.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        if (next == null || next.getOpcode() != Opcodes.DUP) {
            throw new RefusalException(SourceLines.lineOf(allocation), "await inside the arguments of new "
                    + Type.getObjectType(allocation.desc).getClassName()
                    + "(...) in a bytecode shape other than javac's NEW, DUP, arguments, <init>: "
                    + "assign the awaited value to a local variable first");
        }
        return next;
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
