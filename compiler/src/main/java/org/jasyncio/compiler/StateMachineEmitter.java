package org.jasyncio.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Turns a body whose suspension points are known into the state machine of
 * docs/coroutine-protocol.md: the dispatch at the top, the expansion of every {@code await}
 * in place, the completion of the task at every {@code return}, and the catch-all that turns
 * an escaping exception into a failed task.
 */
final class StateMachineEmitter {

    private final AsyncMethod method;
    private final MethodNode body;
    private final SuspensionPoints points;
    private final FrameLayout frame;
    private final int co;

    private StateMachineEmitter(AsyncMethod method, MethodNode body, SuspensionPoints points) {
        this.method = method;
        this.body = body;
        this.points = points;
        this.frame = points.layout;
        this.co = method.coroutineSlot;
    }

    static void emit(MethodContext context) {
        StateMachineEmitter emitter = new StateMachineEmitter(context.method, context.body(), context.points());
        context.resumesAt(emitter.emit());
        emitter.loadReceiverInBridge(context.bridge());
    }

    /**
     * The bridge the split made reads its coroutine parameter and casts it to the receiver's class: in
     * between, the receiver goes from the coroutine to the frame's first reference, known only now.
     */
    private void loadReceiverInBridge(MethodNode bridge) {
        if (method.isStatic) {
            return;
        }
        for (AbstractInsnNode insn : bridge.instructions) {
            if (insn.getOpcode() == Opcodes.ALOAD) {
                InsnList receiver = new InsnList();
                frame.load(receiver, 0, true, 0);
                bridge.instructions.insert(insn, receiver);
                bridge.instructions.remove(insn);
                return;
            }
        }
    }

    /** Emits the state machine; returns the label where a resumption enters the body. */
    private LabelNode emit() {
        List<AbstractInsnNode> returns = new ArrayList<>();
        for (AbstractInsnNode insn : body.instructions) {
            if (insn.getOpcode() == Opcodes.ARETURN) {
                returns.add(insn);
            }
        }
        LabelNode start = new LabelNode();
        List<LabelNode> resumes = new ArrayList<>();
        for (SuspensionPoint point : points.all()) {
            resumes.add(new LabelNode());
        }
        LabelNode dispatch = new LabelNode();
        body.instructions.insert(prologue(start, dispatch, resumes));
        InsnList restores = new InsnList();
        for (SuspensionPoint point : points.points) {
            body.instructions.insertBefore(point.await(), expand(point, resumes.get(point.state()), restores));
            body.instructions.remove(point.await());
        }
        for (AbstractInsnNode ret : returns) {
            InsnList complete = new InsnList();
            complete.add(new VarInsnNode(Opcodes.ALOAD, co));
            // the return's line: a returned task's failure passes through this frame (AsyncStackTrace)
            complete.add(Constants.push(SourceLines.lineOf(ret)));
            complete.add(RuntimeNames.COMPLETE.insn());
            body.instructions.insertBefore(ret, complete);
        }
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        body.instructions.add(end);
        body.instructions.add(handler);
        body.instructions.add(new VarInsnNode(Opcodes.ALOAD, co));
        body.instructions.add(RuntimeNames.FAIL.insn());
        body.instructions.add(new InsnNode(Opcodes.ARETURN));
        body.instructions.add(restores);
        // Appended last, so every handler of the user's own comes first.
        body.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
        return dispatch;
    }

    /** Fresh call: run now or defer to the loop; resumption: jump to the point's restore code. */
    private InsnList prologue(LabelNode start, LabelNode dispatch, List<LabelNode> resumes) {
        SuspensionPoint entry = points.start;
        InsnList out = new InsnList();
        LabelNode first = new LabelNode();
        out.add(first);
        if (entry.line() > 0) {
            out.add(new LineNumberNode(entry.line(), first));
        }
        out.add(new VarInsnNode(Opcodes.ALOAD, co));
        out.add(new JumpInsnNode(Opcodes.IFNONNULL, dispatch));
        out.add(RuntimeNames.RUNS_EAGERLY.insn());
        out.add(new JumpInsnNode(Opcodes.IFNE, start));
        create(out);
        park(out, entry);
        out.add(new VarInsnNode(Opcodes.ALOAD, co));
        out.add(RuntimeNames.START_SOON.insn());
        out.add(new VarInsnNode(Opcodes.ALOAD, co));
        out.add(new InsnNode(Opcodes.ARETURN));

        out.add(dispatch);
        LabelNode corrupt = new LabelNode();
        out.add(new VarInsnNode(Opcodes.ALOAD, co));
        out.add(RuntimeNames.STATE.get());
        out.add(new TableSwitchInsnNode(0, resumes.size() - 1, corrupt, resumes.toArray(LabelNode[]::new)));
        out.add(corrupt);
        out.add(new TypeInsnNode(Opcodes.NEW, "java/lang/IllegalStateException"));
        out.add(new InsnNode(Opcodes.DUP));
        out.add(new LdcInsnNode("corrupt coroutine state in " + method.where()));
        out.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>",
                "(Ljava/lang/String;)V", false));
        out.add(new InsnNode(Opcodes.ATHROW));
        out.add(resumes.get(0));
        unpark(out, entry);
        out.add(new JumpInsnNode(Opcodes.GOTO, start));
        out.add(start);
        return out;
    }

    /**
     * The code that replaces one {@code await} call; the stack holds the values below it and
     * the awaited object. The restore code goes to {@code restores}, outside every try range:
     * inside one, the handler's frame would have to merge the not-yet-restored locals, and a
     * handler that reads them would no longer verify.
     */
    private InsnList expand(SuspensionPoint point, LabelNode resume, InsnList restores) {
        InsnList out = new InsnList();
        LabelNode slow = new LabelNode();
        LabelNode have = new LabelNode();
        LabelNode restored = new LabelNode();
        LabelNode resumed = new LabelNode();
        out.add(new VarInsnNode(Opcodes.ASTORE, point.awaited()));
        for (int s = point.stack().size() - 1; s >= 0; s--) {
            SpilledValue value = point.stack().get(s);
            out.add(new VarInsnNode(value.type().getOpcode(Opcodes.ISTORE), value.local()));
        }
        out.add(new VarInsnNode(Opcodes.ALOAD, point.awaited()));
        out.add(RuntimeNames.IS_DONE.insn());
        out.add(new JumpInsnNode(Opcodes.IFEQ, slow));
        reloadStack(out, point);
        out.add(new VarInsnNode(Opcodes.ALOAD, point.awaited()));
        out.add(RuntimeNames.RESULT_OF.insn());
        out.add(new JumpInsnNode(Opcodes.GOTO, resumed));

        out.add(slow);
        out.add(new VarInsnNode(Opcodes.ALOAD, co));
        out.add(new JumpInsnNode(Opcodes.IFNONNULL, have));
        create(out);
        out.add(have);
        spill(out, point);
        out.add(new VarInsnNode(Opcodes.ALOAD, co));
        out.add(new VarInsnNode(Opcodes.ALOAD, point.awaited()));
        out.add(Constants.push(point.state()));
        out.add(RuntimeNames.SUSPEND_ON.insn());
        out.add(new VarInsnNode(Opcodes.ALOAD, co));
        out.add(new InsnNode(Opcodes.ARETURN));

        restores.add(resume);
        if (point.line() > 0) {
            restores.add(new LineNumberNode(point.line(), resume));
        }
        restore(restores, point);
        reloadStack(restores, point);
        restores.add(new JumpInsnNode(Opcodes.GOTO, restored));

        out.add(restored);
        out.add(new VarInsnNode(Opcodes.ALOAD, co));
        out.add(RuntimeNames.RESUME_VALUE.insn());
        out.add(resumed);
        return out;
    }

    /** {@code co = Coroutine.create(describe())}, the method's description made once by its call site. */
    private void create(InsnList out) {
        StringJoiner lines = new StringJoiner(",");
        for (SuspensionPoint point : points.all()) {
            lines.add(Integer.toString(Math.max(point.line(), 0)));
        }
        RuntimeNames.Layout layout = frame.layout;
        out.add(new InvokeDynamicInsnNode(RuntimeNames.DESCRIBE, "()" + RuntimeNames.COROUTINE_METHOD_DESC,
                RuntimeNames.DESCRIBE_BOOTSTRAP, method.bridgeHandle(), method.where(), lines.toString(),
                Type.getObjectType(layout.owner()), layout.arrays() ? layout.references() : 0,
                layout.arrays() ? layout.words() : 0));
        out.add(RuntimeNames.CREATE.insn());
        out.add(new VarInsnNode(Opcodes.ASTORE, co));
    }

    private void spill(InsnList out, SuspensionPoint point) {
        for (SpilledValue value : point.saved()) {
            value.spill(out, co, frame);
        }
    }

    private void restore(InsnList out, SuspensionPoint point) {
        for (SpilledValue value : point.saved()) {
            // The receiver arrives through the bridge; it is spilled only for the bridge to find.
            if (!isReceiver(value)) {
                value.restore(out, co, frame);
            }
        }
    }

    /**
     * The deferred start keeps the receiver in the frame, for the bridge, and parks the arguments, boxed:
     * the frame is sized for the awaits, and a call rarely starts later.
     */
    private void park(InsnList out, SuspensionPoint start) {
        List<SpilledValue> arguments = new ArrayList<>();
        for (SpilledValue value : start.saved()) {
            if (isReceiver(value)) {
                value.spill(out, co, frame);
            } else {
                arguments.add(value);
            }
        }
        if (arguments.isEmpty()) {
            return;
        }
        out.add(new VarInsnNode(Opcodes.ALOAD, co));
        out.add(Constants.push(arguments.size()));
        out.add(new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/Object"));
        for (int i = 0; i < arguments.size(); i++) {
            arguments.get(i).park(out, i);
        }
        out.add(RuntimeNames.PARK_ARGUMENTS.insn());
    }

    private void unpark(InsnList out, SuspensionPoint start) {
        int position = 0;
        for (SpilledValue value : start.saved()) {
            if (!isReceiver(value)) {
                value.unpark(out, co, position++);
            }
        }
    }

    private boolean isReceiver(SpilledValue value) {
        return !method.isStatic && value.local() == 0;
    }

    private static void reloadStack(InsnList out, SuspensionPoint point) {
        for (SpilledValue value : point.stack()) {
            out.add(new VarInsnNode(value.type().getOpcode(Opcodes.ILOAD), value.local()));
        }
    }
}
