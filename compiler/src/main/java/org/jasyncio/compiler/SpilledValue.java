package org.jasyncio.compiler;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * One value kept across a suspension: a local slot of a given type, and its index in the
 * coroutine's {@code refs} (references) or {@code prims} (primitives as raw bits) array.
 * A reference typed {@code null} by the analysis needs no slot: it is restored as {@code null}.
 */
record SpilledValue(int local, Type type, int index) {

    static final Type NULL = Type.getObjectType("null");

    boolean isReference() {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
    }

    boolean isNull() {
        return type.equals(NULL);
    }

    /** {@code co.refs[index] = local} or {@code co.prims[index] = bits(local)}. */
    void spill(InsnList out, int coroutine) {
        if (isNull()) {
            return;
        }
        arrayOf(out, coroutine);
        out.add(Constants.push(index));
        out.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), local));
        switch (type.getSort()) {
            case Type.OBJECT, Type.ARRAY -> out.add(new InsnNode(Opcodes.AASTORE));
            case Type.LONG -> out.add(new InsnNode(Opcodes.LASTORE));
            case Type.DOUBLE -> {
                out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false));
                out.add(new InsnNode(Opcodes.LASTORE));
            }
            case Type.FLOAT -> {
                out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false));
                out.add(new InsnNode(Opcodes.I2L));
                out.add(new InsnNode(Opcodes.LASTORE));
            }
            default -> {
                out.add(new InsnNode(Opcodes.I2L));
                out.add(new InsnNode(Opcodes.LASTORE));
            }
        }
    }

    /** The reverse of {@link #spill}, casting a reference back to its analysed type. */
    void restore(InsnList out, int coroutine) {
        if (isNull()) {
            out.add(new InsnNode(Opcodes.ACONST_NULL));
            out.add(new VarInsnNode(Opcodes.ASTORE, local));
            return;
        }
        arrayOf(out, coroutine);
        out.add(Constants.push(index));
        switch (type.getSort()) {
            case Type.OBJECT, Type.ARRAY -> {
                out.add(new InsnNode(Opcodes.AALOAD));
                if (!type.getDescriptor().equals("Ljava/lang/Object;")) {
                    out.add(new TypeInsnNode(Opcodes.CHECKCAST, type.getInternalName()));
                }
            }
            case Type.LONG -> out.add(new InsnNode(Opcodes.LALOAD));
            case Type.DOUBLE -> {
                out.add(new InsnNode(Opcodes.LALOAD));
                out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false));
            }
            case Type.FLOAT -> {
                out.add(new InsnNode(Opcodes.LALOAD));
                out.add(new InsnNode(Opcodes.L2I));
                out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false));
            }
            default -> {
                out.add(new InsnNode(Opcodes.LALOAD));
                out.add(new InsnNode(Opcodes.L2I));
            }
        }
        out.add(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), local));
    }

    private void arrayOf(InsnList out, int coroutine) {
        out.add(new VarInsnNode(Opcodes.ALOAD, coroutine));
        out.add(isReference() ? RuntimeNames.REFS.get() : RuntimeNames.PRIMS.get());
    }
}
