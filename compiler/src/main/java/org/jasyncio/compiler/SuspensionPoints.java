package org.jasyncio.compiler;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Finds the suspension points of a body and decides, for each, which values it saves and
 * where: the precise type of every live local and stack value (from a type-inferring
 * analysis over the {@link ClassHierarchy}), its place in the frame, and the frame's layout.
 */
final class SuspensionPoints {

    private static final Type OBJECT = Type.getObjectType("java/lang/Object");

    final List<SuspensionPoint> points = new ArrayList<>();
    SuspensionPoint start;
    /**
     * The frame: room for what any {@code await} keeps, and for an instance method's receiver, where
     * the resume bridge finds it. The deferred start parks its arguments elsewhere, so parameters that
     * only it keeps need no room.
     */
    FrameLayout layout;

    private final boolean isStatic;
    private final int coroutineSlot;

    private SuspensionPoints(boolean isStatic, int coroutineSlot) {
        this.isStatic = isStatic;
        this.coroutineSlot = coroutineSlot;
    }

    /** Analyses the body (locals already shifted past the coroutine parameter) and records its points in the context. */
    static void find(MethodContext context) throws AnalyzerException {
        AsyncMethod method = context.method;
        MethodNode body = context.body();
        String owner = context.owner.name;
        SuspensionPoints result = new SuspensionPoints(method.isStatic, method.coroutineSlot);
        Frame<BasicValue>[] frames = new Analyzer<>(new HierarchyVerifier(context.hierarchy)).analyze(owner, body);
        Liveness liveness = Liveness.of(body, ControlFlow.of(owner, body));
        result.start = result.startPoint(method.parameters, kept(context, liveness, 0), SourceLines.firstLine(body));
        // Each point's temporaries are dead outside it, so all points share them.
        LocalSlots.PerSite temporaries = context.locals().perSite();
        int state = 1;
        for (AbstractInsnNode insn : body.instructions) {
            int index = body.instructions.indexOf(insn);
            if (RuntimeNames.isAwait(insn) && frames[index] != null) {
                temporaries.nextSite();
                result.points.add(result.awaitPoint(state++, (MethodInsnNode) insn, frames[index],
                        kept(context, liveness, index), temporaries));
            }
        }
        int references = method.isStatic ? 0 : 1;
        int words = 0;
        for (SuspensionPoint point : result.points) {
            references = Math.max(references, point.references());
            words = Math.max(words, point.words());
        }
        result.layout = FrameLayout.fitting(references, words);
        context.found(result);
    }

    /**
     * The slots a point at instruction {@code index} keeps: the live ones and, with
     * {@code keepLocals}, every variable the local variable table has in scope there, so that a
     * debugger shows them all after the point. The table's variables that are not kept leave its
     * range there ({@link LocalVariableRanges}).
     */
    private static BitSet kept(MethodContext context, Liveness liveness, int index) {
        BitSet live = liveness.liveIn(index);
        MethodNode body = context.body();
        if (!context.options.keepLocals() || body.localVariables == null) {
            return live;
        }
        BitSet kept = (BitSet) live.clone();
        for (LocalVariableNode local : body.localVariables) {
            if (body.instructions.indexOf(local.start) <= index && index < body.instructions.indexOf(local.end)) {
                kept.set(local.index);
            }
        }
        return kept;
    }

    List<SuspensionPoint> all() {
        List<SuspensionPoint> all = new ArrayList<>(points.size() + 1);
        all.add(start);
        all.addAll(points);
        return all;
    }

    private SuspensionPoint startPoint(Type[] parameters, BitSet live, int line) {
        Indexes indexes = new Indexes();
        List<SpilledValue> saved = new ArrayList<>();
        int slot = 0;
        if (!isStatic) {
            saved.add(indexes.assign(0, OBJECT));
            slot = 1;
        }
        for (Type parameter : parameters) {
            if (live.get(slot)) {
                saved.add(indexes.assign(slot, parameter.getSort() <= Type.INT ? Type.INT_TYPE : parameter));
            }
            slot += parameter.getSize();
        }
        return new SuspensionPoint(0, null, line, -1, List.of(), saved);
    }

    private SuspensionPoint awaitPoint(int state, MethodInsnNode await, Frame<BasicValue> frame, BitSet live,
                                       LocalSlots.PerSite temporaries) {
        Indexes indexes = new Indexes();
        List<SpilledValue> saved = new ArrayList<>();
        if (!isStatic) {
            // The resume bridge finds the receiver in the frame's first reference; the body never writes slot 0.
            saved.add(indexes.assign(0, OBJECT));
        }
        for (int slot = live.nextSetBit(isStatic ? 0 : 1); slot >= 0; slot = live.nextSetBit(slot + 1)) {
            if (slot == coroutineSlot || slot >= frame.getLocals()) {
                continue;
            }
            Type type = frame.getLocal(slot).getType();
            if (type != null) {
                saved.add(indexes.assign(slot, type));
            }
        }
        int awaited = temporaries.allocate(OBJECT);
        List<SpilledValue> stack = new ArrayList<>();
        for (int s = 0; s < frame.getStackSize() - 1; s++) {
            Type type = frame.getStack(s).getType();
            SpilledValue value = indexes.assign(temporaries.allocate(type), type);
            stack.add(value);
            saved.add(value);
        }
        return new SuspensionPoint(state, await, SourceLines.lineOf(await), awaited, stack, saved);
    }

    /** Hands out consecutive places in the frame: references, and words (two for a {@code long} or {@code double}). */
    private static final class Indexes {
        private int references;
        private int words;

        SpilledValue assign(int local, Type type) {
            boolean reference = type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
            if (reference && type.equals(SpilledValue.NULL)) {
                return new SpilledValue(local, type, -1);
            }
            if (reference) {
                return new SpilledValue(local, type, references++);
            }
            words += type.getSize();
            return new SpilledValue(local, type, words - type.getSize());
        }
    }
}
