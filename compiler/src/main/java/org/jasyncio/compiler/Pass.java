package org.jasyncio.compiler;

import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * One named step of rewriting an {@code @Async} method; {@link Pipeline#PASSES} runs them in
 * order over one {@link MethodContext}.
 *
 * @param name what docs/compiler.md calls it
 * @param step what it does
 */
record Pass(String name, Step step) {

    /** The work of a pass: reads what earlier passes left in the context, and adds to it. */
    @FunctionalInterface
    interface Step {
        /**
         * @throws RefusalException a construct the pass cannot rewrite, with its line
         * @throws AnalyzerException bytecode the pass's analysis finds invalid
         */
        void run(MethodContext context) throws RefusalException, AnalyzerException;
    }

    void run(MethodContext context) throws RefusalException, AnalyzerException {
        step.run(context);
    }
}
