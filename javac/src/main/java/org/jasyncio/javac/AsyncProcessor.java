package org.jasyncio.javac;

import java.util.Map;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;

import org.jasyncio.compiler.CompilerOptions;

/**
 * The entry point javac finds on its processor path. It processes no annotations: it only
 * registers a {@link ClassWriteListener}, which rewrites each class file after javac has written
 * it, so that javac alone builds classes whose {@code @Async} methods work.
 *
 * <p>It supports and claims {@code @Async} alone, so that {@code -Xlint:processing} has
 * nothing to say about it and {@code -Werror} builds pass. javac offers each round to one
 * processor after another for as long as an annotation present (or, in a round without any,
 * the absence of one) is unclaimed, so it starts this processor in every compilation that uses
 * {@code @Async}, and in any other unless the processors before it claim everything present;
 * only then would an {@code await} outside {@code @Async} code go unreported until it runs.
 */
public final class AsyncProcessor extends AbstractProcessor {

    /**
     * {@code -Ajasyncio.keepLocals=true} (or the bare {@code -Ajasyncio.keepLocals}) keeps every
     * variable in scope alive across awaits, so that a debugger shows them all
     * ({@link CompilerOptions#keepLocals()}).
     */
    static final String KEEP_LOCALS = "jasyncio.keepLocals";

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("org.jasyncio.Async");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(KEEP_LOCALS);
    }

    /** Every version: the processor reads no source constructs; class files it cannot rewrite are reported as errors. */
    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        JavacTask task;
        try {
            task = JavacTask.instance(processingEnv);
        } catch (IllegalArgumentException notJavac) {
            // A build tool that wraps javac's environment in its own (IntelliJ's builder does)
            // hides the task; saying so beats leaving classes silently unrewritten.
            processingEnv.getMessager().printMessage(Diagnostic.Kind.MANDATORY_WARNING,
                    "jasyncio: this build runs annotation processors in an environment that is not javac's own ("
                            + processingEnv.getClass().getName() + "), so @Async methods are not rewritten here: "
                            + "build with Maven or javac, or run with the jasyncio agent");
            return;
        }
        Trees trees = Trees.instance(processingEnv);
        SourceIndex sources = new SourceIndex(trees, processingEnv.getElementUtils());
        OutputClassRewriter rewriter = new OutputClassRewriter(
                new ClassOutput(processingEnv.getFiler(), processingEnv.getElementUtils()),
                new ModelClassBytes(processingEnv.getElementUtils(), sources),
                new RefusalReporter(trees, processingEnv.getMessager(), sources),
                compilerOptions(processingEnv.getOptions()));
        task.addTaskListener(new ClassWriteListener(sources, rewriter));
    }

    /** javac gives an option written without {@code =value} the value {@code null}. */
    static CompilerOptions compilerOptions(Map<String, String> options) {
        return new CompilerOptions(options.containsKey(KEEP_LOCALS)
                && (options.get(KEEP_LOCALS) == null || Boolean.parseBoolean(options.get(KEEP_LOCALS))));
    }

    /** The work happens as classes are written, not in rounds; no other processor has a use for {@code @Async}. */
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        return true;
    }
}
