package org.jasyncio.compiler;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/** The successor graph of a method's instructions, exception edges included, indexed by instruction position. */
final class ControlFlow {

    private final List<List<Integer>> successors;

    private ControlFlow(List<List<Integer>> successors) {
        this.successors = successors;
    }

    static ControlFlow of(String owner, MethodNode method) throws AnalyzerException {
        int size = method.instructions.size();
        List<List<Integer>> successors = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            successors.add(new ArrayList<>(2));
        }
        new Analyzer<BasicValue>(new BasicInterpreter()) {
            @Override
            protected void newControlFlowEdge(int insn, int successor) {
                successors.get(insn).add(successor);
            }

            @Override
            protected boolean newControlFlowExceptionEdge(int insn, int successor) {
                successors.get(insn).add(successor);
                return true;
            }
        }.analyze(owner, method);
        return new ControlFlow(successors);
    }

    List<Integer> successors(int insn) {
        return successors.get(insn);
    }

    int size() {
        return successors.size();
    }

}
