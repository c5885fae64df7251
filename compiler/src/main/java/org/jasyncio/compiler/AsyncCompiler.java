package org.jasyncio.compiler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Rewrites the {@code @Async} methods of a class file into state machines. Bytes in, bytes
 * out: the compiler does no I/O of its own and may be shared between threads.
 *
 * <p>The class is read once; {@link Generators} turns each async generator into an entry and an
 * {@code @Async} body; {@link AsyncBodies} finds the {@code @Async} methods and the
 * lambdas that are async bodies; {@link Refusals} checks the contract; every async body that is
 * not refused then goes through the passes of {@link Pipeline}, in the order docs/compiler.md
 * lists them; the {@code await}s of refused methods are made to throw their refusal
 * ({@link RefusedAwaits}); the class is marked {@link RewrittenMarker rewritten} and written.
 */
public final class AsyncCompiler {

    private final ClassBytes classpath;
    private final CompilerOptions options;

    /** @param classpath where the class files of other classes are read, for frame computation */
    public AsyncCompiler(ClassBytes classpath) {
        this(classpath, CompilerOptions.DEFAULT);
    }

    /**
     * @param classpath where the class files of other classes are read, for frame computation
     * @param options   how to rewrite
     */
    public AsyncCompiler(ClassBytes classpath, CompilerOptions options) {
        this.classpath = classpath;
        this.options = options;
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
            return Result.unchanged(null, classFile, diagnostics);
        }
        try {
            // Read once, for every pass; frames expanded, so that each of javac's frames stands
            // on its own for DeclaredSupertypes (writing compresses them again).
            new ClassReader(classFile).accept(owner, ClassReader.EXPAND_FRAMES);
        } catch (RuntimeException unreadable) {
            ClassHeader header = ClassHeader.of(classFile);
            int version = ConstantPoolScan.majorVersion(classFile);
            diagnostics.add(classError(header.name(), header.sourceFile(), header.onlyVersionUnreadable()
                    ? "class file version " + version + " (Java " + ClassFileVersions.javaVersion(version) + ") is newer than "
                            + "this jasyncio can read: upgrade jasyncio or compile with an older --release"
                    : "not a readable class file: " + unreadable));
            return Result.unchanged(header.name() == null ? null : header.name().replace('/', '.'), classFile, diagnostics);
        }
        String className = owner.name.replace('/', '.');
        int protocol = RewrittenMarker.protocolOf(owner);
        if (protocol >= 0) {
            if (protocol != RuntimeNames.PROTOCOL_VERSION) {
                // its calls into the runtime name methods of another protocol: NoSuchMethodError at run time
                diagnostics.add(classError(owner.name, owner.sourceFile, "rewritten already by another jasyncio version "
                        + "(coroutine protocol " + protocol + "; this version's is " + RuntimeNames.PROTOCOL_VERSION
                        + "), whose calls into the runtime this version does not have: compile it again from its source"));
            }
            return Result.unchanged(className, classFile, diagnostics);
        }
        try {
            return rewrite(owner, classFile, diagnostics);
        } catch (RuntimeException malformed) {
            // ASM reads some malformed class files (a corrupt descriptor, say) without complaint
            // and fails only when a pass looks closer; such a class loads as it was.
            diagnostics.add(classError(owner.name, owner.sourceFile, "cannot rewrite a malformed class file: "
                    + malformed));
            return Result.unchanged(className, classFile, diagnostics);
        }
    }

    private Result rewrite(ClassNode owner, byte[] classFile, List<Diagnostic> diagnostics) {
        String className = owner.name.replace('/', '.');
        Generators.Desugared generators = Generators.desugar(owner);
        AsyncBodies bodies = AsyncBodies.of(owner, generators.userNames());
        List<Refusals.Refusal> refusals = new ArrayList<>(generators.refusals());
        refusals.addAll(Refusals.in(owner, bodies));
        refusals.forEach(refusal -> diagnostics.add(refusal.diagnostic()));
        List<MethodNode> asyncMethods = bodies.withCode(owner);
        if (asyncMethods.isEmpty() && refusals.isEmpty()) {
            return Result.unchanged(className, classFile, diagnostics);
        }
        if (owner.version < ClassFileVersions.MIN) {
            diagnostics.add(classError(owner.name, owner.sourceFile, "class file version " + owner.version
                    + " (Java " + ClassFileVersions.javaVersion(owner.version) + ") is older than jasyncio supports: "
                    + "compile with --release 8 or later"));
            return Result.unchanged(className, classFile, diagnostics);
        }
        // A refused method stays as javac wrote it, but for its awaits; the first refusal is what they throw.
        Map<MethodNode, Diagnostic> refused = new LinkedHashMap<>();
        refusals.forEach(refusal -> refused.putIfAbsent(refusal.method(), refusal.diagnostic()));
        ClassHierarchy hierarchy = new ClassHierarchy(classpath);
        hierarchy.define(owner.name, owner.superName, owner.interfaces.toArray(String[]::new),
                (owner.access & Opcodes.ACC_INTERFACE) != 0);
        List<MethodNode> rewritten = new ArrayList<>();
        List<MethodNode> generated = new ArrayList<>();
        int ordinal = 0;
        for (MethodNode method : asyncMethods) {
            if (refused.containsKey(method)) {
                continue;
            }
            try {
                generated.addAll(Pipeline.rewrite(new MethodContext(owner,
                        new AsyncMethod(owner, copyOf(method), ordinal++), hierarchy, options)));
                rewritten.add(method);
            } catch (RefusalException | RuntimeException | AnalyzerException failed) {
                Diagnostic refusal = pipelineRefusal(owner, method, bodies, failed);
                diagnostics.add(refusal);
                refused.put(method, refusal);
            }
        }
        for (String missing : hierarchy.missing()) {
            diagnostics.add(new Diagnostic(Diagnostic.Kind.WARNING, className, null, owner.sourceFile, 0,
                    "class " + missing.replace('/', '.') + " is not on the classpath; when computing frames it is "
                            + "assumed to extend the type javac declared where its values meet, else java.lang.Object"));
        }
        boolean awaitsRefused = false;
        for (Map.Entry<MethodNode, Diagnostic> refusal : refused.entrySet()) {
            awaitsRefused |= RefusedAwaits.replace(owner, refusal.getKey(), refusal.getValue().toString());
        }
        if (rewritten.isEmpty() && !awaitsRefused) {
            return Result.unchanged(className, classFile, diagnostics);
        }
        if (awaitsRefused) {
            owner.methods.add(RefusedAwaits.helper());
        }
        owner.methods.removeAll(rewritten);
        owner.methods.addAll(generated);
        RewrittenMarker.mark(owner);
        try {
            ClassWriter writer = new ClassWriter(0);
            owner.accept(keepingWideJumps(writer, generated));
            return new Result(className, writer.toByteArray(), true, rewritten.size(), diagnostics);
        } catch (MethodTooLargeException tooLarge) {
            // Frames were computed method by method; writing the whole class can still grow a
            // body past the limit (long jumps widened), so this is checked here as well.
            diagnostics.add(new Diagnostic(Diagnostic.Kind.ERROR, className,
                    userMethodOf(tooLarge.getMethodName(), asyncMethods, bodies), owner.sourceFile, 0,
                    "the rewritten method would exceed the JVM's 64 KiB code limit: split the method into smaller "
                            + "@Async methods"));
        } catch (ClassTooLargeException tooLarge) {
            diagnostics.add(classError(owner.name, owner.sourceFile, "the rewritten class would exceed the JVM's "
                    + "limit of 65535 constant pool entries: move some @Async methods to another class"));
        }
        return Result.unchanged(className, classFile, diagnostics);
    }

    /**
     * Reading a class turns each {@code goto_w} back into a {@code goto}; the generated methods
     * FrameComputer gave wide jumps keep them when the class is written.
     */
    private static ClassVisitor keepingWideJumps(ClassVisitor writer, List<MethodNode> generated) {
        Set<String> wide = new HashSet<>();
        for (MethodNode method : generated) {
            if (WideJumps.needed(method)) {
                wide.add(method.name + method.desc);
            }
        }
        return new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                return wide.contains(name + descriptor) ? new WideJumps(next, false) : next;
            }
        };
    }

    /** The pipeline works on a copy, so that a method it gives up on mid-way is left as javac wrote it. */
    private static MethodNode copyOf(MethodNode method) {
        MethodNode copy = new MethodNode(Opcodes.ASM9, method.access, method.name, method.desc, method.signature,
                method.exceptions.toArray(String[]::new));
        method.accept(copy);
        return copy;
    }

    /** Why the pipeline gave up on a method, as a refusal naming it. */
    private static Diagnostic pipelineRefusal(ClassNode owner, MethodNode method, AsyncBodies bodies, Exception failed) {
        String name = bodies.userMethod(method);
        if (failed instanceof RefusalException refused) {
            return methodError(owner, name, refused.line(), refused.getMessage());
        }
        int line = SourceLines.firstLine(method);
        if (failed instanceof MethodTooLargeException) {
            return methodError(owner, name, line, "the rewritten method would exceed the JVM's 64 KiB "
                    + "code limit: split the method into smaller @Async methods");
        }
        return methodError(owner, name, line, "cannot rewrite: " + failed);
    }

    private static Diagnostic classError(String internalName, String sourceFile, String message) {
        return new Diagnostic(Diagnostic.Kind.ERROR, internalName == null ? null : internalName.replace('/', '.'),
                null, sourceFile, 0, message);
    }

    private static Diagnostic methodError(ClassNode owner, String method, int line, String message) {
        return new Diagnostic(Diagnostic.Kind.ERROR, owner.name.replace('/', '.'), method, owner.sourceFile, line,
                message);
    }

    /** The user's name for the async method that a generated method (entry, body or bridge) came from. */
    private static String userMethodOf(String generated, List<MethodNode> asyncMethods, AsyncBodies bodies) {
        for (MethodNode method : asyncMethods) {
            if (generated.equals(method.name) || generated.startsWith(method.name + "$async")
                    || generated.startsWith(method.name + "$resume$")) {
                return bodies.userMethod(method);
            }
        }
        return generated;
    }
}
