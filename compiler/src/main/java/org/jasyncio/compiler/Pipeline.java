package org.jasyncio.compiler;

import java.util.List;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The passes that turn one {@code @Async} method into its entry, body and bridge, in the
 * order they run. docs/compiler.md lists them in this order, and a test holds it to that.
 */
final class Pipeline {

    static final List<Pass> PASSES = List.of(
            new Pass("learn missing supertypes", DeclaredSupertypes::learn),
            new Pass("split", MethodSplitter::split),
            new Pass("hoist allocations", NewHoister::hoist),
            new Pass("refuse uninitialised objects across awaits", UninitializedAcrossAwaits::check),
            new Pass("find suspension points", SuspensionPoints::find),
            new Pass("emit the state machine", StateMachineEmitter::emit),
            new Pass("fit the local variable table", LocalVariableRanges::fit),
            new Pass("compute frames", FrameComputer::compute));

    private Pipeline() {
    }

    /** Runs every pass; returns the methods that replace the original one in its class. */
    static List<MethodNode> rewrite(MethodContext context) throws RefusalException, AnalyzerException {
        for (Pass pass : PASSES) {
            pass.run(context);
        }
        return context.output();
    }
}
