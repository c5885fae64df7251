package org.jasyncio.compiler;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The constructs the contract refuses (API.md, "Writing async code"), each reported with the
 * class, method, source line and what to write instead.
 */
final class Refusals {

    private static final String USE_LOCK = "a monitor cannot be held across a suspension, because every task on the "
            + "loop's thread re-enters it; use org.jasyncio.Lock instead: "
            + "await(lock.acquire()); try { ... } finally { lock.release(); }";

    private final ClassNode owner;
    private final AsyncBodies bodies;
    private final List<Refusal> found = new ArrayList<>();

    private Refusals(ClassNode owner, AsyncBodies bodies) {
        this.owner = owner;
        this.bodies = bodies;
    }

    /** One refusal: the method it is about, and what to tell the user. */
    record Refusal(MethodNode method, Diagnostic diagnostic) {
    }

    /** Every refusal in the class, in method order. */
    static List<Refusal> in(ClassNode owner, AsyncBodies bodies) {
        Refusals refusals = new Refusals(owner, bodies);
        for (MethodNode method : owner.methods) {
            if (!bodies.isDeadLambda(method)) {
                refusals.check(method);
            }
        }
        return refusals.found;
    }

    private void check(MethodNode method) {
        boolean async = bodies.isAsync(method);
        List<AbstractInsnNode> awaits = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (RuntimeNames.isAwait(insn)) {
                awaits.add(insn);
            } else if (insn instanceof InvokeDynamicInsnNode indy && referencesAwait(indy)) {
                refuse(method, SourceLines.lineOf(insn), "AsyncIO::await is used as a method reference; "
                        + "a reference cannot suspend: call await(...) directly in the @Async method");
            }
        }
        if (async) {
            checkAsyncMethod(method, awaits);
        } else if (!awaits.isEmpty()) {
            int line = SourceLines.lineOf(awaits.get(0));
            if (LambdaBodies.isLambda(method)) {
                refuse(method, line, "await inside a lambda body; a lambda cannot be @Async: move the body into an "
                        + "@Async method (methods of anonymous, local and inner classes may be @Async), or give "
                        + "the lambda a functional interface whose method returns org.jasyncio.Task");
            } else {
                refuse(method, line, "await in a method that is not @Async: annotate the method with "
                        + "@org.jasyncio.Async and make it return org.jasyncio.Task");
            }
        }
    }

    private void checkAsyncMethod(MethodNode method, List<AbstractInsnNode> awaits) {
        int line = SourceLines.firstLine(method);
        if (method.name.equals("<init>")) {
            refuse(method, line, "@Async on a constructor; a constructor cannot suspend: "
                    + "move the body into an @Async static factory method");
            return;
        }
        Type returned = Type.getReturnType(method.desc);
        if (!returned.getDescriptor().equals(RuntimeNames.TASK_DESC)
                && !returned.getDescriptor().equals(RuntimeNames.ASYNC_ITERATOR_DESC)) {
            refuse(method, line, "@Async method returns " + returned.getClassName()
                    + "; an @Async method must return org.jasyncio.Task (return Task.completed(value)) or, as an "
                    + "async generator, org.jasyncio.AsyncIterator (await(emit(v)) each element, "
                    + "return AsyncIterator.end())");
            return;
        }
        if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            refuse(method, line, "@Async method is synchronized; " + USE_LOCK);
            return;
        }
        if (awaits.isEmpty() || (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return;
        }
        MonitorDepth monitors;
        try {
            monitors = MonitorDepth.of(method, ControlFlow.of(owner.name, method));
        } catch (AnalyzerException malformed) {
            refuse(method, line, "the method's bytecode does not verify: " + malformed.getMessage());
            return;
        }
        for (AbstractInsnNode await : awaits) {
            if (monitors.held(method.instructions.indexOf(await))) {
                refuse(method, SourceLines.lineOf(await), "await inside a synchronized block; " + USE_LOCK);
            }
        }
    }

    private static boolean referencesAwait(InvokeDynamicInsnNode indy) {
        for (Object argument : indy.bsmArgs) {
            if (argument instanceof Handle handle && handle.getOwner().equals(RuntimeNames.ASYNCIO)
                    && handle.getName().equals(RuntimeNames.AWAIT)) {
                return true;
            }
        }
        return false;
    }

    private void refuse(MethodNode method, int line, String message) {
        found.add(new Refusal(method, new Diagnostic(Diagnostic.Kind.ERROR, owner.name.replace('/', '.'),
                bodies.userMethod(method), owner.sourceFile, line, message)));
    }
}
