package org.jasyncio.compiler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Async generators (docs/iteration.md, "What the compiler must emit"): an {@code @Async} method
 * returning {@code AsyncIterator} becomes an entry that returns
 * {@code AsyncIterator.generate(() -> name$gen(args))} and an {@code @Async} body
 * {@code name$gen} returning {@code Task}, which the pipeline then rewrites as any
 * {@code @Async} method. This runs on the class before the async bodies are found, so the body
 * is found as one of them.
 */
final class Generators {

    static final String BODY_SUFFIX = "$gen";

    /** The {@code Supplier} that {@code AsyncIterator.generate} takes. */
    private static final Type SUPPLIER = Type.getArgumentTypes(RuntimeNames.GENERATE.desc())[0];
    private static final Type SUPPLIER_GET = Type.getMethodType("()Ljava/lang/Object;");
    private static final Type BODY_GET = Type.getMethodType("()" + RuntimeNames.TASK_DESC);

    /** What desugaring did to a class: the user's name of each body it made, and the generators it refused. */
    record Desugared(Map<String, String> userNames, List<Refusals.Refusal> refusals) {
    }

    private Generators() {
    }

    /** Replaces every async generator of the class by its entry and body; a refused one stays as it was. */
    static Desugared desugar(ClassNode owner) {
        Desugared desugared = new Desugared(new HashMap<>(), new ArrayList<>());
        for (MethodNode method : List.copyOf(owner.methods)) {
            if (!isGenerator(method)) {
                continue;
            }
            if ((method.access & Opcodes.ACC_BRIDGE) != 0) {
                // javac copies @Async onto a bridge, which only calls the generator.
                dropAsync(method);
                continue;
            }
            Refusals.Refusal refusal = checkReturns(owner, method);
            if (refusal != null) {
                desugared.refusals().add(refusal);
                continue;
            }
            MethodNode body = body(owner, method);
            owner.methods.add(body);
            desugared.userNames().put(body.name, method.name);
        }
        return desugared;
    }

    /**
     * An {@code @Async} method returning {@code AsyncIterator} with code to move. A synchronized
     * one is left to {@link Refusals}, which refuses it as it refuses any synchronized
     * {@code @Async} method.
     */
    private static boolean isGenerator(MethodNode method) {
        return AsyncBodies.isAnnotated(method)
                && Type.getReturnType(method.desc).getDescriptor().equals(RuntimeNames.ASYNC_ITERATOR_DESC)
                && (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_SYNCHRONIZED)) == 0;
    }

    /**
     * Null when every {@code areturn} returns {@code AsyncIterator.end()}, followed back through
     * the locals and copies javac makes of it (a {@code return} inside {@code try}/{@code finally}
     * stores the value while the {@code finally} code runs); else the refusal of the method.
     */
    private static Refusals.Refusal checkReturns(ClassNode owner, MethodNode method) {
        Frame<SourceValue>[] frames;
        try {
            frames = new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method);
        } catch (AnalyzerException malformed) {
            return refusal(owner, method, SourceLines.firstLine(method),
                    "the method's bytecode does not verify: " + malformed.getMessage());
        }
        for (AbstractInsnNode insn : method.instructions) {
            int index = method.instructions.indexOf(insn);
            if (insn.getOpcode() == Opcodes.ARETURN && frames[index] != null
                    && !isEnd(method, frames, top(frames[index]), new HashSet<>())) {
                return refusal(owner, method, SourceLines.lineOf(insn), "return of a value other than "
                        + "AsyncIterator.end() in an async generator; an async generator ends with return "
                        + "AsyncIterator.end() (to hand out another iterator's elements, loop over it and emit each)");
            }
        }
        return null;
    }

    private static boolean isEnd(MethodNode method, Frame<SourceValue>[] frames, SourceValue value,
            Set<AbstractInsnNode> seen) {
        if (value.insns.isEmpty()) {
            return false; // a parameter
        }
        for (AbstractInsnNode source : value.insns) {
            if (!seen.add(source)) {
                continue;
            }
            Frame<SourceValue> before = frames[method.instructions.indexOf(source)];
            boolean end = switch (source.getOpcode()) {
                case Opcodes.INVOKESTATIC -> RuntimeNames.ITERATOR_END.isCalledBy(source);
                case Opcodes.ALOAD -> isEnd(method, frames, before.getLocal(((VarInsnNode) source).var), seen);
                case Opcodes.ASTORE, Opcodes.DUP, Opcodes.CHECKCAST -> isEnd(method, frames, top(before), seen);
                default -> false;
            };
            if (!end) {
                return false;
            }
        }
        return true;
    }

    private static SourceValue top(Frame<SourceValue> frame) {
        return frame.getStack(frame.getStackSize() - 1);
    }

    /**
     * Moves the generator's code into {@code name$gen}, which returns {@code Task.completed()}
     * where the generator returned {@code AsyncIterator.end()}, and makes the method its entry.
     */
    private static MethodNode body(ClassNode owner, MethodNode generator) {
        boolean isStatic = (generator.access & Opcodes.ACC_STATIC) != 0;
        String desc = Type.getMethodDescriptor(Type.getType(RuntimeNames.TASK_DESC),
                Type.getArgumentTypes(generator.desc));
        MethodNode body = new MethodNode(Opcodes.ASM9,
                Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC | (isStatic ? Opcodes.ACC_STATIC : 0),
                generator.name + BODY_SUFFIX, desc, bodySignature(generator.signature),
                generator.exceptions.toArray(String[]::new));
        body.invisibleAnnotations = new ArrayList<>(List.of(new AnnotationNode(RuntimeNames.ASYNC_DESC)));
        body.instructions = generator.instructions;
        body.tryCatchBlocks = generator.tryCatchBlocks;
        body.localVariables = generator.localVariables;
        body.visibleLocalVariableAnnotations = generator.visibleLocalVariableAnnotations;
        body.invisibleLocalVariableAnnotations = generator.invisibleLocalVariableAnnotations;
        body.maxLocals = generator.maxLocals;
        body.maxStack = generator.maxStack;
        for (AbstractInsnNode insn : body.instructions.toArray()) {
            if (insn.getOpcode() == Opcodes.ARETURN) {
                body.instructions.insertBefore(insn, new InsnNode(Opcodes.POP));
                body.instructions.insertBefore(insn, RuntimeNames.TASK_COMPLETED.insn());
            }
        }
        entry(owner, generator, body, isStatic);
        return body;
    }

    /** {@code return AsyncIterator.generate(() -> name$gen(args))}, with the parameters' names kept. */
    private static void entry(ClassNode owner, MethodNode generator, MethodNode body, boolean isStatic) {
        boolean inInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        int line = SourceLines.firstLine(body);
        dropAsync(generator);
        generator.instructions = new InsnList();
        generator.tryCatchBlocks = new ArrayList<>();
        generator.visibleLocalVariableAnnotations = null;
        generator.invisibleLocalVariableAnnotations = null;
        InsnList code = generator.instructions;
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        code.add(start);
        if (line > 0) {
            code.add(new LineNumberNode(line, start));
        }
        List<Type> captured = new ArrayList<>();
        int slot = 0;
        if (!isStatic) {
            captured.add(Type.getObjectType(owner.name));
            code.add(new VarInsnNode(Opcodes.ALOAD, 0));
            slot = 1;
        }
        for (Type parameter : Type.getArgumentTypes(generator.desc)) {
            captured.add(parameter);
            code.add(new VarInsnNode(parameter.getOpcode(Opcodes.ILOAD), slot));
            slot += parameter.getSize();
        }
        Handle implementation = new Handle(isStatic ? Opcodes.H_INVOKESTATIC : Opcodes.H_INVOKESPECIAL, owner.name,
                body.name, body.desc, inInterface);
        code.add(new InvokeDynamicInsnNode("get",
                Type.getMethodDescriptor(SUPPLIER, captured.toArray(Type[]::new)),
                AsyncMethod.LAMBDA_METAFACTORY, SUPPLIER_GET, implementation, BODY_GET));
        code.add(RuntimeNames.GENERATE.interfaceInsn());
        code.add(new InsnNode(Opcodes.ARETURN));
        code.add(end);
        generator.maxLocals = slot;
        generator.maxStack = Math.max(slot, 1);
        if (body.localVariables != null) {
            generator.localVariables = new ArrayList<>();
            for (LocalVariableNode local : body.localVariables) {
                if (local.index < slot) {
                    generator.localVariables.add(new LocalVariableNode(local.name, local.desc, local.signature,
                            start, end, local.index));
                }
            }
        }
    }

    /** The generator's generic signature with {@code Task<Void>} as the result: same type parameters, parameters and throws. */
    private static String bodySignature(String signature) {
        if (signature == null) {
            return null;
        }
        int close = signature.lastIndexOf(')');
        int throwsAt = signature.indexOf('^', close);
        return signature.substring(0, close + 1) + "L" + RuntimeNames.TASK + "<Ljava/lang/Void;>;"
                + (throwsAt < 0 ? "" : signature.substring(throwsAt));
    }

    /** {@code @Async} has class retention, but a visible copy is as easy to drop. */
    private static void dropAsync(MethodNode method) {
        if (method.invisibleAnnotations != null) {
            method.invisibleAnnotations.removeIf(a -> a.desc.equals(RuntimeNames.ASYNC_DESC));
        }
        if (method.visibleAnnotations != null) {
            method.visibleAnnotations.removeIf(a -> a.desc.equals(RuntimeNames.ASYNC_DESC));
        }
    }

    private static Refusals.Refusal refusal(ClassNode owner, MethodNode method, int line, String message) {
        return new Refusals.Refusal(method, new Diagnostic(Diagnostic.Kind.ERROR, owner.name.replace('/', '.'),
                method.name, owner.sourceFile, line, message));
    }
}
