package org.jasyncio.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import kotlin.Unit;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The bad inputs the compiler and the agent are fed: garbage, truncations, bit flips, and other compilers' classes. */
public final class BadInputs {

    public static final String ASYNC_SOURCE = """
            package fz;
            import static org.jasyncio.AsyncIO.await;
            import org.jasyncio.Async;
            import org.jasyncio.Task;
            import org.jasyncio.fuzz.program.*;
            final class A {
                @Async static Task<String> m0(Log log, int depth) throws Exception {
                    String s = "";
                    for (int i = 0; i < 3; i++) {
                        try { s += (int) await(Outcomes.future(log, i, i)); }
                        catch (RuntimeException e) { log.add(e.getMessage()); }
                    }
                    return Task.completed(s + new Box(await(Outcomes.stage(log, 9, 1)), "b"));
                }
            }
            """;

    private BadInputs() {
    }

    /** A class file with an {@code @Async} method, as javac wrote it. */
    public static byte[] asyncClass() {
        return ProgramJavac.compile("A.java", ASYNC_SOURCE).get("fz/A");
    }

    public static List<byte[]> randomBytes(long seed, int count) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            if (i % 2 == 0 && bytes.length >= 8) {
                // Half of them get past the magic-number check and into the parser.
                bytes[0] = (byte) 0xCA;
                bytes[1] = (byte) 0xFE;
                bytes[2] = (byte) 0xBA;
                bytes[3] = (byte) 0xBE;
                bytes[6] = 0;
                bytes[7] = (byte) (52 + random.nextInt(18));
            }
            out.add(bytes);
        }
        return out;
    }

    public static List<byte[]> truncations(byte[] classFile, int stride) {
        List<byte[]> out = new ArrayList<>();
        for (int length = 0; length < classFile.length; length += stride) {
            out.add(java.util.Arrays.copyOf(classFile, length));
        }
        return out;
    }

    /** Copies of {@code classFile} with 1 to 4 random bytes overwritten, past the header. */
    public static List<byte[]> corruptions(byte[] classFile, long seed, int count) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] copy = classFile.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                copy[8 + random.nextInt(copy.length - 8)] = (byte) random.nextInt(256);
            }
            out.add(copy);
        }
        return out;
    }

    /**
     * Classes {@code fz.A} whose {@code @Async static Task m0(CompletionStage stage)} builds
     * {@code new StringBuilder((String) await(stage))} after random moves of the uninitialised
     * reference, as tools other than javac emit them: extra {@code DUP}s, copies stored to and
     * loaded from locals, a constant swapped over it, copies popped. Many do not verify (a
     * constructor called on the constant, a local read before it is set); the rest are the
     * shapes the agent must rewrite or refuse, never leave unverifiable.
     */
    public static List<byte[]> allocationShapes(long seed, int count) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(allocationShape(random));
        }
        return out;
    }

    private static byte[] allocationShape(Random random) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, "fz/A", null, "java/lang/Object", null);
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_STATIC, "m0",
                "(Ljava/util/concurrent/CompletionStage;)Lorg/jasyncio/Task;", null, null);
        code.visitAnnotation("Lorg/jasyncio/Async;", false).visitEnd();
        code.visitCode();
        code.visitTypeInsn(Opcodes.NEW, "java/lang/StringBuilder");
        int depth = 1;
        for (int moves = random.nextInt(6); moves > 0; moves--) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    code.visitInsn(Opcodes.DUP);
                    depth++;
                }
                case 1 -> {
                    code.visitInsn(Opcodes.DUP);
                    code.visitVarInsn(Opcodes.ASTORE, 1 + random.nextInt(2));
                }
                case 2 -> {
                    code.visitLdcInsn("c");
                    code.visitInsn(Opcodes.SWAP);
                    depth++;
                }
                case 3 -> {
                    code.visitVarInsn(Opcodes.ALOAD, 1 + random.nextInt(2));
                    depth++;
                }
                default -> {
                    if (depth > 1) {
                        code.visitInsn(Opcodes.POP);
                        depth--;
                    }
                }
            }
        }
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, "org/jasyncio/AsyncIO", "await",
                "(Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;", false);
        code.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/String");
        code.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "(Ljava/lang/String;)V", false);
        for (depth--; depth > 0; depth--) {
            code.visitInsn(Opcodes.POP);
        }
        code.visitLdcInsn("done");
        code.visitMethodInsn(Opcodes.INVOKESTATIC, "org/jasyncio/Task", "completed",
                "(Ljava/lang/Object;)Lorg/jasyncio/Task;", false);
        code.visitInsn(Opcodes.ARETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** Every class file of the kotlin-stdlib jar on the test classpath, by internal name. */
    public static Map<String, byte[]> kotlinStdlib() {
        Path jar;
        try {
            jar = Path.of(Unit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Map<String, byte[]> classes = new java.util.LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".class") && !entry.getName().contains("module-info")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        classes.put(entry.getName().replace(".class", "").replaceFirst("^META-INF/versions/\\d+/", ""),
                                in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }
}
