package org.jasyncio.compiler;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.util.Printer;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * Methods in ASM's textual form ({@link Textifier}, as {@code javap}-like listings print them),
 * both ways: {@link #parse} reads the subset of it that the pass tests write as input, and
 * {@link #print} prints any method, so a test states a pass's input and output as a reader
 * would look at them.
 */
final class Textified {

    private final Map<String, LabelNode> labels = new HashMap<>();
    private final MethodNode method;

    private Textified(MethodNode method) {
        this.method = method;
    }

    /** A method with the given header whose code, exception table and local variables are read from {@code text}. */
    static MethodNode parse(int access, String name, String desc, String text) {
        MethodNode method = new MethodNode(Opcodes.ASM9, access, name, desc, null, null);
        method.tryCatchBlocks = new ArrayList<>();
        method.localVariables = new ArrayList<>();
        Textified reader = new Textified(method);
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("//")) {
                reader.read(trimmed.split(" +"), trimmed);
            }
        }
        return method;
    }

    /** The method's code as {@link Textifier} prints it, without trailing spaces. */
    static String print(MethodNode method) {
        Textifier textifier = new Textifier();
        method.accept(new TraceMethodVisitor(textifier));
        StringWriter out = new StringWriter();
        textifier.print(new PrintWriter(out));
        return out.toString().lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + "\n");
    }

    private void read(String[] words, String line) {
        String word = words[0];
        if (word.matches("L\\d+")) {
            method.instructions.add(label(word));
            return;
        }
        switch (word) {
            case "LINENUMBER" -> method.instructions.add(new LineNumberNode(Integer.parseInt(words[1]), label(words[2])));
            case "LOCALVARIABLE" -> method.localVariables.add(new LocalVariableNode(words[1], words[2], null,
                    label(words[3]), label(words[4]), Integer.parseInt(words[5])));
            case "TRYCATCHBLOCK" -> method.tryCatchBlocks.add(new TryCatchBlockNode(label(words[1]), label(words[2]),
                    label(words[3]), words[4].equals("null") ? null : words[4]));
            case "MAXSTACK" -> method.maxStack = Integer.parseInt(words[2]);
            case "MAXLOCALS" -> method.maxLocals = Integer.parseInt(words[2]);
            case "FRAME" -> method.instructions.add(frame(line));
            default -> method.instructions.add(instruction(opcode(word), words, line));
        }
    }

    private AbstractInsnNode instruction(int opcode, String[] words, String line) {
        if (opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH) {
            return new IntInsnNode(opcode, Integer.parseInt(words[1]));
        }
        if (opcode >= Opcodes.ILOAD && opcode <= Opcodes.ALOAD || opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) {
            return new VarInsnNode(opcode, Integer.parseInt(words[1]));
        }
        if (opcode == Opcodes.NEW || opcode == Opcodes.ANEWARRAY || opcode == Opcodes.CHECKCAST
                || opcode == Opcodes.INSTANCEOF) {
            return new TypeInsnNode(opcode, words[1]);
        }
        if (opcode >= Opcodes.GETSTATIC && opcode <= Opcodes.PUTFIELD) {
            int dot = words[1].lastIndexOf('.');
            return new FieldInsnNode(opcode, words[1].substring(0, dot), words[1].substring(dot + 1), words[3]);
        }
        if (opcode >= Opcodes.INVOKEVIRTUAL && opcode <= Opcodes.INVOKEINTERFACE) {
            int dot = words[1].lastIndexOf('.');
            return new MethodInsnNode(opcode, words[1].substring(0, dot), words[1].substring(dot + 1), words[2],
                    opcode == Opcodes.INVOKEINTERFACE || line.endsWith("(itf)"));
        }
        if (opcode >= Opcodes.IFEQ && opcode <= Opcodes.JSR || opcode == Opcodes.IFNULL || opcode == Opcodes.IFNONNULL) {
            return new JumpInsnNode(opcode, label(words[1]));
        }
        if (opcode == Opcodes.IINC) {
            return new IincInsnNode(Integer.parseInt(words[1]), Integer.parseInt(words[2]));
        }
        if (opcode == Opcodes.LDC) {
            String constant = line.substring(4);
            return new LdcInsnNode(constant.startsWith("\"") ? constant.substring(1, constant.length() - 1)
                    : Integer.valueOf(constant));
        }
        if (words.length > 1) {
            throw new IllegalArgumentException("Textified cannot read: " + line);
        }
        return new InsnNode(opcode);
    }

    /** {@code FRAME FULL [locals] [stack]}: the only kind a class read with expanded frames has. */
    private FrameNode frame(String line) {
        if (!line.startsWith("FRAME FULL [")) {
            throw new IllegalArgumentException("Textified reads expanded frames only: " + line);
        }
        String lists = line.substring("FRAME FULL ".length());
        int split = lists.indexOf("] [");
        Object[] locals = frameTypes(lists.substring(1, split));
        Object[] stack = frameTypes(lists.substring(split + 3, lists.length() - 1));
        return new FrameNode(Opcodes.F_NEW, locals.length, locals, stack.length, stack);
    }

    private Object[] frameTypes(String list) {
        List<Object> types = new ArrayList<>();
        for (String type : list.isBlank() ? new String[0] : list.split(" ")) {
            types.add(switch (type) {
                case "T" -> Opcodes.TOP;
                case "I" -> Opcodes.INTEGER;
                case "F" -> Opcodes.FLOAT;
                case "J" -> Opcodes.LONG;
                case "D" -> Opcodes.DOUBLE;
                case "N" -> Opcodes.NULL;
                case "U" -> Opcodes.UNINITIALIZED_THIS;
                default -> type.matches("L\\d+") ? label(type) : type;
            });
        }
        return types.toArray();
    }

    private static int opcode(String name) {
        for (int opcode = 0; opcode < Printer.OPCODES.length; opcode++) {
            if (name.equals(Printer.OPCODES[opcode])) {
                return opcode;
            }
        }
        throw new IllegalArgumentException("not an opcode: " + name);
    }

    private LabelNode label(String name) {
        return labels.computeIfAbsent(name, n -> new LabelNode());
    }
}
