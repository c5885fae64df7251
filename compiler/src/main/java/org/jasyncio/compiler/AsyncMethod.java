package org.jasyncio.compiler;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The names and shapes of the three methods an {@code @Async} method becomes (see
 * docs/coroutine-protocol.md): the entry keeps the original name and signature, the body is
 * {@code name$async} with a trailing {@code Coroutine} parameter, and the resume bridge is
 * {@code name$resume$N}, bound to a {@code Coroutine.Resumer} by the {@code invokedynamic} that
 * describes the method ({@code CoroutineMethod.bootstrap}).
 */
final class AsyncMethod {

    static final Handle LAMBDA_METAFACTORY = new Handle(Opcodes.H_INVOKESTATIC,
            "java/lang/invoke/LambdaMetafactory", "metafactory",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
                    + "Ljava/lang/invoke/CallSite;", false);

    final ClassNode owner;
    final MethodNode original;
    final boolean isStatic;
    final boolean inInterface;
    final Type[] parameters;
    /** Slots taken by the receiver and the parameters: the coroutine parameter's slot in the body. */
    final int coroutineSlot;
    final String bodyName;
    final String bodyDesc;
    final String bridgeName;

    AsyncMethod(ClassNode owner, MethodNode original, int ordinal) {
        this.owner = owner;
        this.original = original;
        this.isStatic = (original.access & Opcodes.ACC_STATIC) != 0;
        this.inInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        this.parameters = Type.getArgumentTypes(original.desc);
        // The argument size counts the receiver even for static methods.
        this.coroutineSlot = (Type.getArgumentsAndReturnSizes(original.desc) >> 2) - (isStatic ? 1 : 0);
        this.bodyName = original.name + "$async";
        this.bodyDesc = original.desc.replace(")", RuntimeNames.COROUTINE_DESC + ")");
        this.bridgeName = original.name + "$resume$" + ordinal;
    }

    /** {@code pkg.Greeter.greet(Greeter.java)}: how tasks and reports name the method. */
    String where() {
        return owner.name.replace('/', '.') + "." + original.name
                + "(" + (owner.sourceFile == null ? "Unknown Source" : owner.sourceFile) + ")";
    }

    /** The instruction that calls the body: static, or a private instance call that works from class version 52 on. */
    int bodyInvokeOpcode() {
        return isStatic ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL;
    }

    Handle bridgeHandle() {
        return new Handle(Opcodes.H_INVOKESTATIC, owner.name, bridgeName, RuntimeNames.RESUME_DESC, inInterface);
    }
}
