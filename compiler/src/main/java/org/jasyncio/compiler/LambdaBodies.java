package org.jasyncio.compiler;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * javac's synthetic {@code lambda$...} methods of a class, and where each is created: the
 * {@code invokedynamic} of {@code LambdaMetafactory} whose implementation it is. A lambda whose
 * functional interface method returns {@code Task} (as instantiated at that site, so a
 * {@code Supplier<Task<T>>} counts) is an {@code @Async} body (API.md, "Lambdas that await").
 */
final class LambdaBodies {

    private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    /** One creation site of a lambda: the method holding its {@code invokedynamic}, and what the lambda returns there. */
    private record Site(MethodNode enclosing, Type returned) {
    }

    private final Map<String, Site> sites = new HashMap<>();

    private LambdaBodies() {
    }

    static LambdaBodies of(ClassNode owner) {
        LambdaBodies lambdas = new LambdaBodies();
        for (MethodNode method : owner.methods) {
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy && isLambdaFactory(indy)
                        && indy.bsmArgs[1] instanceof Handle implementation
                        && indy.bsmArgs[2] instanceof Type instantiated
                        && implementation.getOwner().equals(owner.name)) {
                    lambdas.sites.put(key(implementation.getName(), implementation.getDesc()),
                            new Site(method, instantiated.getReturnType()));
                }
            }
        }
        return lambdas;
    }

    /** True for javac's method holding the code of a lambda expression. */
    static boolean isLambda(MethodNode method) {
        return (method.access & Opcodes.ACC_SYNTHETIC) != 0 && method.name.startsWith("lambda$");
    }

    /** True for a lambda whose functional interface method returns {@code Task}: an {@code @Async} body. */
    boolean returnsTask(MethodNode method) {
        Site site = isLambda(method) ? sites.get(key(method.name, method.desc)) : null;
        return site != null && site.returned().getDescriptor().equals(RuntimeNames.TASK_DESC);
    }

    /**
     * The method a user wrote the code in: the method itself, or for a lambda, the method
     * whose body holds the lambda expression, through any lambdas nested in between.
     */
    String userMethod(MethodNode method) {
        return outermost(method).name;
    }

    /**
     * True for a lambda that nothing in the class creates: javac writes the method of a lambda
     * even where it drops the code around it as unreachable ({@code if (false) { ... }}, the
     * handler of an empty {@code try}), so it is dead code, never run.
     */
    boolean isDead(MethodNode method) {
        return isLambda(outermost(method));
    }

    /** Follows lambdas to the method creating them, as far as their creation sites go. */
    private MethodNode outermost(MethodNode method) {
        MethodNode current = method;
        for (int depth = 0; isLambda(current) && depth <= sites.size(); depth++) {
            Site site = sites.get(key(current.name, current.desc));
            if (site == null) {
                break;
            }
            current = site.enclosing();
        }
        return current;
    }

    private static boolean isLambdaFactory(InvokeDynamicInsnNode indy) {
        return indy.bsm.getOwner().equals(LAMBDA_METAFACTORY) && indy.bsmArgs.length >= 3;
    }

    private static String key(String name, String desc) {
        return name + desc;
    }
}
