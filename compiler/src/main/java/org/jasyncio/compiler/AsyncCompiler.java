package org.jasyncio.compiler;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Rewrites the {@code @Async} methods of a class file into state machines. Bytes in, bytes
 * out: the compiler does no I/O of its own and may be shared between threads.
 *
 * <p>The pipeline, one pass a class (see docs/compiler.md): {@link Refusals} checks the
 * contract; per method, {@link MethodSplitter} moves the body, {@link NewHoister} moves
 * allocations out of the way of awaits, {@link SuspensionPoints} analyses types and liveness,
 * {@link StateMachineEmitter} writes the state machine, and {@link FrameComputer} computes
 * frames for the new code from the {@link ClassHierarchy}.
 */
public final class AsyncCompiler {

    private final ClassBytes classpath;

    /** @param classpath where the class files of other classes are read, for frame computation */
    public AsyncCompiler(ClassBytes classpath) {
        this.classpath = classpath;
    }

    /**
     * A cheap test, reading only the constant pool: false means the class has no
     * {@code @Async} method and calls no {@code await}, so {@link #rewrite} would return it
     * untouched.
     */
    public static boolean mayNeedRewrite(byte[] classFile) {
        return ConstantPoolScan.mentionsAsync(classFile);
    }

    /** Rewrites one class file. Never throws: unreadable input is reported as a diagnostic. */
    public Result rewrite(byte[] classFile) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        ClassNode owner = new ClassNode();
        if (!ConstantPoolScan.looksLikeClassFile(classFile)) {
            diagnostics.add(classError(null, null, "not a class file: it does not start with 0xCAFEBABE and a version"));
            return new Result(null, classFile, 0, diagnostics);
        }
        try {
            new ClassReader(classFile).accept(owner, 0);
        } catch (RuntimeException unreadable) {
            ClassHeader header = ClassHeader.of(classFile);
            int version = ConstantPoolScan.majorVersion(classFile);
            diagnostics.add(classError(header.name(), header.sourceFile(), header.onlyVersionUnreadable()
                    ? "class file version " + version + " (Java " + RuntimeNames.javaVersion(version) + ") is newer than "
                            + "this jasyncio can read: upgrade jasyncio or compile with an older --release"
                    : "not a readable class file: " + unreadable));
            return new Result(header.name() == null ? null : header.name().replace('/', '.'), classFile, 0, diagnostics);
        }
        String className = owner.name.replace('/', '.');
        if (alreadyRewritten(owner)) {
            return new Result(className, classFile, 0, diagnostics);
        }
        try {
            return rewrite(owner, classFile, diagnostics);
        } catch (RuntimeException malformed) {
            // ASM reads some malformed class files (a corrupt descriptor, say) without complaint
            // and fails only when a pass looks closer; such a class loads as it was.
            diagnostics.add(classError(owner.name, owner.sourceFile, "cannot rewrite a malformed class file: "
                    + malformed));
            return new Result(className, classFile, 0, diagnostics);
        }
    }

    private Result rewrite(ClassNode owner, byte[] classFile, List<Diagnostic> diagnostics) {
        String className = owner.name.replace('/', '.');
        diagnostics.addAll(Refusals.in(owner));
        List<MethodNode> asyncMethods = new ArrayList<>();
        for (MethodNode method : owner.methods) {
            if (Refusals.isAsync(method) && (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0) {
                asyncMethods.add(method);
            }
        }
        if (asyncMethods.isEmpty() || !diagnostics.isEmpty()) {
            return new Result(className, classFile, 0, diagnostics);
        }
        if (owner.version < RuntimeNames.MIN_VERSION) {
            diagnostics.add(classError(owner.name, owner.sourceFile, "class file version " + owner.version
                    + " (Java " + RuntimeNames.javaVersion(owner.version) + ") is older than jasyncio supports: "
                    + "compile with --release 8 or later"));
            return new Result(className, classFile, 0, diagnostics);
        }
        ClassHierarchy hierarchy = new ClassHierarchy(classpath);
        hierarchy.define(owner.name, owner.superName, owner.interfaces.toArray(String[]::new),
                (owner.access & Opcodes.ACC_INTERFACE) != 0);
        List<MethodNode> generated = new ArrayList<>();
        int ordinal = 0;
        for (MethodNode method : asyncMethods) {
            int line = SourceLines.firstLine(method);
            try {
                DeclaredSupertypes.learn(owner.name, classFile, method, hierarchy);
                generated.addAll(FrameComputer.compute(owner, rewrite(new AsyncMethod(owner, method, ordinal++), hierarchy),
                        hierarchy));
            } catch (RefusalException refused) {
                diagnostics.add(methodError(owner, method, refused.line(), refused.getMessage()));
            } catch (MethodTooLargeException tooLarge) {
                diagnostics.add(methodError(owner, method, line, "the rewritten method would exceed the JVM's 64 KiB "
                        + "code limit: split the method into smaller @Async methods"));
            } catch (RuntimeException | AnalyzerException failed) {
                diagnostics.add(methodError(owner, method, line, "cannot rewrite: " + failed));
            }
        }
        for (String missing : hierarchy.missing()) {
            diagnostics.add(new Diagnostic(Diagnostic.Kind.WARNING, className, null, owner.sourceFile, 0,
                    "class " + missing.replace('/', '.') + " is not on the classpath; when computing frames it is "
                            + "assumed to extend the type javac declared where its values meet, else java.lang.Object"));
        }
        if (diagnostics.stream().anyMatch(d -> d.kind() == Diagnostic.Kind.ERROR)) {
            return new Result(className, classFile, 0, diagnostics);
        }
        owner.methods.removeAll(asyncMethods);
        owner.methods.addAll(generated);
        markRewritten(owner);
        try {
            ClassWriter writer = new ClassWriter(0);
            owner.accept(writer);
            return new Result(className, writer.toByteArray(), asyncMethods.size(), diagnostics);
        } catch (MethodTooLargeException tooLarge) {
            // Frames were computed method by method; writing the whole class can still grow a
            // body past the limit (long jumps widened), so this is checked here as well.
            String method = tooLarge.getMethodName();
            diagnostics.add(new Diagnostic(Diagnostic.Kind.ERROR, className,
                    method.contains("$") ? method.substring(0, method.indexOf('$')) : method, owner.sourceFile, 0,
                    "the rewritten method would exceed the JVM's 64 KiB code limit: split the method into smaller "
                            + "@Async methods"));
        } catch (ClassTooLargeException tooLarge) {
            diagnostics.add(classError(owner.name, owner.sourceFile, "the rewritten class would exceed the JVM's "
                    + "limit of 65535 constant pool entries: move some @Async methods to another class"));
        }
        return new Result(className, classFile, 0, diagnostics);
    }

    private static List<MethodNode> rewrite(AsyncMethod method, ClassHierarchy hierarchy)
            throws AnalyzerException, RefusalException {
        int line = SourceLines.firstLine(method.original);
        MethodNode body = MethodSplitter.body(method);
        List<LocalVariableNode> locals = body.localVariables;
        int firstTemp = NewHoister.hoist(method.owner.name, body, body.maxLocals);
        body.maxLocals = firstTemp;
        SuspensionPoints points = SuspensionPoints.of(method.owner.name, body, method.isStatic, method.parameters,
                method.coroutineSlot, firstTemp, hierarchy);
        StateMachineEmitter.emit(method, body, points);
        MethodSplitter.entry(method, locals, line);
        return List.of(method.original, body, MethodSplitter.bridge(method, line));
    }

    private static boolean alreadyRewritten(ClassNode owner) {
        if (owner.invisibleAnnotations != null) {
            for (AnnotationNode annotation : owner.invisibleAnnotations) {
                if (annotation.desc.equals(RuntimeNames.REWRITTEN_DESC)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void markRewritten(ClassNode owner) {
        AnnotationNode marker = new AnnotationNode(RuntimeNames.REWRITTEN_DESC);
        marker.values = new ArrayList<>(List.of("protocol", RuntimeNames.PROTOCOL_VERSION));
        if (owner.invisibleAnnotations == null) {
            owner.invisibleAnnotations = new ArrayList<>();
        }
        owner.invisibleAnnotations.add(marker);
        boolean hasLookup = owner.innerClasses.stream().anyMatch(inner -> inner.name.equals("java/lang/invoke/MethodHandles$Lookup"));
        if (!hasLookup) {
            owner.innerClasses.add(new InnerClassNode("java/lang/invoke/MethodHandles$Lookup",
                    "java/lang/invoke/MethodHandles", "Lookup",
                    Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL));
        }
    }

    private static Diagnostic classError(String internalName, String sourceFile, String message) {
        return new Diagnostic(Diagnostic.Kind.ERROR, internalName == null ? null : internalName.replace('/', '.'),
                null, sourceFile, 0, message);
    }

    private static Diagnostic methodError(ClassNode owner, MethodNode method, int line, String message) {
        return new Diagnostic(Diagnostic.Kind.ERROR, owner.name.replace('/', '.'), method.name, owner.sourceFile, line,
                message);
    }
}
