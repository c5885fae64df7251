package org.jasyncio.compiler;

import java.util.ArrayList;
import java.util.List;
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
    private final int co;

    private StateMachineEmitter(AsyncMethod method, MethodNode body, SuspensionPoints points) {
        this.method = method;
        this.body = body;
        this.points = points;
        this.co = method.coroutineSlot;
    }

    static void emit(MethodContext context) {
        context.resumesAt(new StateMachineEmitter(context.method, context.body(), context.points()).emit());
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
        create(out, points.references, points.primitives);
        spill(out, entry);
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
        restore(out, entry);
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
        create(out, points.awaitReferences, points.awaitPrimitives);
        out.add(have);
        spill(out, point);
        out.add(new VarInsnNode(Opcodes.ALOAD, co));
        out.add(new VarInsnNode(Opcodes.ALOAD, point.awaited()));
        out.add(Constants.push(point.state()));
        out.add(Constants.push(point.line()));
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

    private void create(InsnList out, int references, int primitives) {
        out.add(new InvokeDynamicInsnNode(RuntimeNames.RESUME, "()L" + RuntimeNames.RESUMER + ";", method.bootstrap(),
                Type.getMethodType(RuntimeNames.RESUME_DESC), method.bridgeHandle(),
                Type.getMethodType(RuntimeNames.RESUME_DESC)));
        out.add(Constants.push(references));
        out.add(Constants.push(primitives));
        out.add(new LdcInsnNode(method.where()));
        out.add(RuntimeNames.CREATE.insn());
        out.add(new VarInsnNode(Opcodes.ASTORE, co));
    }

    private void spill(InsnList out, SuspensionPoint point) {
        for (SpilledValue value : point.saved()) {
            value.spill(out, co);
        }
    }

    private void restore(InsnList out, SuspensionPoint point) {
        for (SpilledValue value : point.saved()) {
            // The receiver arrives through the bridge; it is spilled only for the bridge to find.
            if (method.isStatic || value.local() != 0) {
                value.restore(out, co);
            }
        }
    }

    private static void reloadStack(InsnList out, SuspensionPoint point) {
        for (SpilledValue value : point.stack()) {
            out.add(new VarInsnNode(value.type().getOpcode(Opcodes.ILOAD), value.local()));
        }
    }
}
