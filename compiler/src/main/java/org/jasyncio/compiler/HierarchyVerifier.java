package org.jasyncio.compiler;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/**
 * ASM's type-inferring interpreter, answering subtype questions from the
 * {@link ClassHierarchy} rather than by loading classes. It gives the precise type of every
 * local and stack slot at a suspension point, which the restore code casts back to.
 */
class HierarchyVerifier extends SimpleVerifier {

    private final ClassHierarchy hierarchy;

    HierarchyVerifier(ClassHierarchy hierarchy) {
        super(Opcodes.ASM9, null, null, null, false);
        this.hierarchy = hierarchy;
    }

    @Override
    protected boolean isInterface(Type type) {
        return type.getSort() == Type.OBJECT && hierarchy.isInterface(type.getInternalName());
    }

    @Override
    protected Type getSuperClass(Type type) {
        if (type.getSort() == Type.ARRAY) {
            return Type.getObjectType("java/lang/Object");
        }
        String superName = hierarchy.superName(type.getInternalName());
        return superName == null ? null : Type.getObjectType(superName);
    }

    @Override
    protected boolean isAssignableFrom(Type to, Type from) {
        if (to.equals(from)) {
            return true;
        }
        if (to.getSort() == Type.OBJECT && from.getSort() == Type.OBJECT) {
            return hierarchy.isAssignable(to.getInternalName(), from.getInternalName());
        }
        if (to.getSort() == Type.ARRAY && from.getSort() == Type.ARRAY) {
            Type toElement = Type.getType(to.getDescriptor().substring(1));
            Type fromElement = Type.getType(from.getDescriptor().substring(1));
            boolean bothReferences = toElement.getSort() >= Type.ARRAY && fromElement.getSort() >= Type.ARRAY;
            return bothReferences ? isAssignableFrom(toElement, fromElement) : toElement.equals(fromElement);
        }
        if (to.getSort() == Type.OBJECT && from.getSort() == Type.ARRAY) {
            String name = to.getInternalName();
            return name.equals("java/lang/Object") || name.equals("java/lang/Cloneable") || name.equals("java/io/Serializable");
        }
        return false;
    }

    /**
     * As the JVM's verifier: any reference may go where an interface is expected. Where a
     * class on either side is missing, the answer is unknowable here; the value is accepted
     * (the JVM checks the real classes when it loads the rewritten one).
     */
    @Override
    protected boolean isSubTypeOf(BasicValue value, BasicValue expected) {
        Type expectedType = expected.getType();
        Type type = value.getType();
        if (expectedType.getSort() == Type.OBJECT && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)
                && !type.equals(SpilledValue.NULL) && !isAssignableFrom(expectedType, type)) {
            return isInterface(expectedType) || hierarchy.reachesMissing(expectedType.getInternalName())
                    || type.getSort() == Type.OBJECT && hierarchy.reachesMissing(type.getInternalName());
        }
        return super.isSubTypeOf(value, expected);
    }

    @Override
    protected Class<?> getClass(Type type) {
        throw new UnsupportedOperationException("the compiler never loads " + type.getClassName());
    }
}
