package org.jasyncio.compiler;

import java.util.List;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What the passes of {@link Pipeline} share while rewriting one {@code @Async} method: the
 * class, the method and the names of what it becomes, the class hierarchy, and what earlier
 * passes produced. Each pass reads what earlier ones set and sets what it produces.
 */
final class MethodContext {

    final ClassNode owner;
    final AsyncMethod method;
    final ClassHierarchy hierarchy;
    final CompilerOptions options;

    private MethodNode body;
    private MethodNode bridge;
    private LocalSlots locals;
    private SuspensionPoints points;
    private LabelNode resumption;
    private List<MethodNode> output;

    MethodContext(ClassNode owner, AsyncMethod method, ClassHierarchy hierarchy, CompilerOptions options) {
        this.owner = owner;
        this.method = method;
        this.hierarchy = hierarchy;
        this.options = options;
    }

    /** Set by the split: the user's code moved into {@code name$async}, and the resume bridge. */
    void split(MethodNode body, MethodNode bridge) {
        this.body = body;
        this.bridge = bridge;
        this.locals = new LocalSlots(body);
        this.output = List.of(method.original, body, bridge);
    }

    MethodNode body() {
        return require(body, "the split");
    }

    MethodNode bridge() {
        return require(bridge, "the split");
    }

    /** Fresh local slots in the body. */
    LocalSlots locals() {
        return require(locals, "the split");
    }

    void found(SuspensionPoints points) {
        this.points = points;
    }

    SuspensionPoints points() {
        return require(points, "finding suspension points");
    }

    /** Set by the emitter: where a resumption enters the body, before any restore code. */
    void resumesAt(LabelNode resumption) {
        this.resumption = resumption;
    }

    LabelNode resumption() {
        return require(resumption, "emitting the state machine");
    }

    /** What replaces the original method in the class: the entry, the body and the bridge, as the last pass left them. */
    List<MethodNode> output() {
        return require(output, "the split");
    }

    void replaceOutput(List<MethodNode> methods) {
        this.output = List.copyOf(methods);
    }

    private static <T> T require(T value, String pass) {
        if (value == null) {
            throw new IllegalStateException("a pass ran before " + pass + " set what it needs");
        }
        return value;
    }
}
