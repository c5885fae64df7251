package org.jasyncio.compiler;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * Where the objects of {@code new X} are still uninitialised: as the JVM's verifier does, every
 * copy of the reference a {@code NEW} pushed (on the stack or in a local) is one value until a
 * constructor is called on it, which initialises all copies at once. ASM's own interpreters
 * type such a reference as an {@code X}; this one keeps it apart, so that a pass can tell
 * javac's {@code NEW, DUP, arguments, <init>} from the shapes other tools emit.
 */
final class UninitializedObjects {

    /** The reference a {@code NEW} pushed, before its constructor ran; all its copies are this same object. */
    static final class Uninitialized extends BasicValue {

        final TypeInsnNode allocation;

        private Uninitialized(TypeInsnNode allocation) {
            super(Type.getObjectType(allocation.desc));
            this.allocation = allocation;
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private final Frame<BasicValue>[] frames;

    private UninitializedObjects(Frame<BasicValue>[] frames) {
        this.frames = frames;
    }

    static UninitializedObjects of(String owner, MethodNode method) throws AnalyzerException {
        Analyzer<BasicValue> analyzer = new Analyzer<>(new Tracking()) {
            @Override
            protected Frame<BasicValue> newFrame(int numLocals, int numStack) {
                return new InitializingFrame(numLocals, numStack);
            }

            @Override
            protected Frame<BasicValue> newFrame(Frame<? extends BasicValue> frame) {
                return new InitializingFrame(frame);
            }
        };
        return new UninitializedObjects(analyzer.analyze(owner, method));
    }

    /** The frame before the instruction at {@code index}, or {@code null} where it is unreachable. */
    Frame<BasicValue> before(int index) {
        return frames[index];
    }

    /**
     * Makes each {@code NEW} push a value of its own, the same one each time the analysis runs
     * through it (the verifier's "uninitialized(offset)"), and keeps it apart from other values
     * where paths meet.
     */
    private static final class Tracking extends BasicInterpreter {

        private final Map<AbstractInsnNode, Uninitialized> allocations = new HashMap<>();

        Tracking() {
            super(Opcodes.ASM9);
        }

        @Override
        public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
            return insn.getOpcode() == Opcodes.NEW
                    ? allocations.computeIfAbsent(insn, allocation -> new Uninitialized((TypeInsnNode) allocation))
                    : super.newOperation(insn);
        }

        @Override
        public BasicValue merge(BasicValue a, BasicValue b) {
            if (a == b) {
                return a;
            }
            // Two different uninitialised objects, or one and something else: unusable, as for the verifier.
            return a instanceof Uninitialized || b instanceof Uninitialized ? BasicValue.UNINITIALIZED_VALUE
                    : super.merge(a, b);
        }
    }

    /** A frame in which a constructor call initialises every copy of its receiver. */
    private static final class InitializingFrame extends Frame<BasicValue> {

        InitializingFrame(int numLocals, int numStack) {
            super(numLocals, numStack);
        }

        InitializingFrame(Frame<? extends BasicValue> frame) {
            super(frame);
        }

        @Override
        public void execute(AbstractInsnNode insn, Interpreter<BasicValue> interpreter) throws AnalyzerException {
            BasicValue receiver = null;
            if (insn.getOpcode() == Opcodes.INVOKESPECIAL && insn instanceof MethodInsnNode call
                    && call.name.equals("<init>")) {
                int arguments = Type.getArgumentTypes(call.desc).length;
                if (getStackSize() > arguments) {
                    receiver = getStack(getStackSize() - arguments - 1);
                }
            }
            super.execute(insn, interpreter);
            if (receiver instanceof Uninitialized uninitialized) {
                BasicValue initialized = BasicValue.REFERENCE_VALUE;
                for (int local = 0; local < getLocals(); local++) {
                    if (getLocal(local) == uninitialized) {
                        setLocal(local, initialized);
                    }
                }
                for (int slot = 0; slot < getStackSize(); slot++) {
                    if (getStack(slot) == uninitialized) {
                        setStack(slot, initialized);
                    }
                }
            }
        }
    }
}
