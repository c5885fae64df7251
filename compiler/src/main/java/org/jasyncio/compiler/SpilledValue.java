package org.jasyncio.compiler;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * One value kept across a suspension: a local slot of a given type, and where the frame keeps it:
 * the index of its reference, or of its first 32-bit word (a {@code long} or {@code double} takes
 * two, high word first). A reference typed {@code null} by the analysis needs no room: it is
 * restored as {@code null}.
 */
record SpilledValue(int local, Type type, int index) {

    static final Type NULL = Type.getObjectType("null");

    boolean isReference() {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
    }

    boolean isNull() {
        return type.equals(NULL);
    }

    /** How many words of the frame a primitive takes. */
    int words() {
        return type.getSize();
    }

    /** Stores the local into the frame of {@code layout}. */
    void spill(InsnList out, int coroutine, FrameLayout layout) {
        if (isNull()) {
            return;
        }
        if (isReference()) {
            layout.store(out, coroutine, true, index, load());
            return;
        }
        InsnList bits = load();
        switch (type.getSort()) {
            case Type.FLOAT -> bits.add(call("java/lang/Float", "floatToRawIntBits", "(F)I"));
            case Type.DOUBLE -> bits.add(call("java/lang/Double", "doubleToRawLongBits", "(D)J"));
            default -> { }
        }
        if (words() == 1) {
            layout.store(out, coroutine, false, index, bits);
            return;
        }
        InsnList high = new InsnList();
        high.add(bits);
        high.add(Constants.push(32));
        high.add(new InsnNode(Opcodes.LUSHR));
        high.add(new InsnNode(Opcodes.L2I));
        layout.store(out, coroutine, false, index, high);
        InsnList low = load();
        if (type.getSort() == Type.DOUBLE) {
            low.add(call("java/lang/Double", "doubleToRawLongBits", "(D)J"));
        }
        low.add(new InsnNode(Opcodes.L2I));
        layout.store(out, coroutine, false, index + 1, low);
    }

    /** The reverse of {@link #spill}, casting a reference back to its analysed type. */
    void restore(InsnList out, int coroutine, FrameLayout layout) {
        if (isNull()) {
            out.add(new InsnNode(Opcodes.ACONST_NULL));
            out.add(new VarInsnNode(Opcodes.ASTORE, local));
            return;
        }
        if (isReference()) {
            layout.load(out, coroutine, true, index);
            castBack(out);
        } else if (words() == 1) {
            layout.load(out, coroutine, false, index);
            if (type.getSort() == Type.FLOAT) {
                out.add(call("java/lang/Float", "intBitsToFloat", "(I)F"));
            }
        } else {
            layout.load(out, coroutine, false, index);
            out.add(new InsnNode(Opcodes.I2L));
            out.add(Constants.push(32));
            out.add(new InsnNode(Opcodes.LSHL));
            layout.load(out, coroutine, false, index + 1);
            out.add(new InsnNode(Opcodes.I2L));
            out.add(new LdcInsnNode(0xFFFFFFFFL));
            out.add(new InsnNode(Opcodes.LAND));
            out.add(new InsnNode(Opcodes.LOR));
            if (type.getSort() == Type.DOUBLE) {
                out.add(call("java/lang/Double", "longBitsToDouble", "(J)D"));
            }
        }
        out.add(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), local));
    }

    /** Boxes the local into the array on the stack at {@code position}: a parked argument of the deferred start. */
    void park(InsnList out, int position) {
        out.add(new InsnNode(Opcodes.DUP));
        out.add(Constants.push(position));
        out.add(load());
        if (!isReference()) {
            Type boxed = boxed();
            out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, boxed.getInternalName(), "valueOf",
                    Type.getMethodDescriptor(boxed, type), false));
        }
        out.add(new InsnNode(Opcodes.AASTORE));
    }

    /** Reads the parked argument at {@code position} back into the local. */
    void unpark(InsnList out, int coroutine, int position) {
        out.add(new VarInsnNode(Opcodes.ALOAD, coroutine));
        out.add(Constants.push(position));
        out.add(RuntimeNames.ARGUMENT.insn());
        if (isReference()) {
            castBack(out);
        } else {
            Type boxed = boxed();
            out.add(new TypeInsnNode(Opcodes.CHECKCAST, boxed.getInternalName()));
            out.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, boxed.getInternalName(), type.getClassName() + "Value",
                    Type.getMethodDescriptor(type), false));
        }
        out.add(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), local));
    }

    /** Primitives are parked boxed: the analysis gives every {@code int}-like value the type {@code int}. */
    private Type boxed() {
        return Type.getObjectType(switch (type.getSort()) {
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            case Type.DOUBLE -> "java/lang/Double";
            default -> "java/lang/Integer";
        });
    }

    private void castBack(InsnList out) {
        if (!type.getDescriptor().equals("Ljava/lang/Object;")) {
            out.add(new TypeInsnNode(Opcodes.CHECKCAST, type.getInternalName()));
        }
    }

    private InsnList load() {
        InsnList out = new InsnList();
        out.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), local));
        return out;
    }

    private static MethodInsnNode call(String owner, String name, String desc) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, owner, name, desc, false);
    }
}
