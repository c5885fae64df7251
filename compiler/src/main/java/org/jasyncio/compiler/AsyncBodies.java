package org.jasyncio.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Which methods of a class are {@code @Async} bodies: the methods annotated {@code @Async},
 * and the lambdas that call {@code await} whose functional interface method returns
 * {@code Task}. A {@code Task} lambda without {@code await} is left as javac wrote it: it has
 * nothing to suspend.
 */
final class AsyncBodies {

    private final LambdaBodies lambdas;
    /** The user's method of each generator body ({@link Generators}): {@code items$gen} is {@code items}. */
    private final Map<String, String> generatorNames;

    private AsyncBodies(LambdaBodies lambdas, Map<String, String> generatorNames) {
        this.lambdas = lambdas;
        this.generatorNames = generatorNames;
    }

    static AsyncBodies of(ClassNode owner, Map<String, String> generatorNames) {
        return new AsyncBodies(LambdaBodies.of(owner), generatorNames);
    }

    boolean isAsync(MethodNode method) {
        return isAnnotated(method) || lambdas.returnsTask(method) && awaits(method);
    }

    /** The async bodies that have code to rewrite, in class order. */
    List<MethodNode> withCode(ClassNode owner) {
        List<MethodNode> found = new ArrayList<>();
        for (MethodNode method : owner.methods) {
            if (isAsync(method) && (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0) {
                found.add(method);
            }
        }
        return found;
    }

    /** True for a lambda javac wrote for code it dropped as unreachable: never run, so never refused. */
    boolean isDeadLambda(MethodNode method) {
        return lambdas.isDead(method);
    }

    /** The name diagnostics give the method: a lambda's is the method the user wrote it in. */
    String userMethod(MethodNode method) {
        String name = lambdas.userMethod(method);
        return generatorNames.getOrDefault(name, name);
    }

    static boolean isAnnotated(MethodNode method) {
        return hasAsync(method.invisibleAnnotations) || hasAsync(method.visibleAnnotations);
    }

    private static boolean hasAsync(List<AnnotationNode> annotations) {
        return annotations != null && annotations.stream().anyMatch(a -> a.desc.equals(RuntimeNames.ASYNC_DESC));
    }

    private static boolean awaits(MethodNode method) {
        for (var insn : method.instructions) {
            if (RuntimeNames.isAwait(insn)) {
                return true;
            }
        }
        return false;
    }
}
