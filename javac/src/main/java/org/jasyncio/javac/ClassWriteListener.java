package org.jasyncio.javac;

import javax.lang.model.element.TypeElement;

import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;

/**
 * Follows javac through each class: once a class is analysed, while its trees still are what
 * the user wrote, the {@link SourceIndex} notes where its awaits and local classes are; once
 * javac has written a class file, the {@link OutputClassRewriter} rewrites it.
 */
final class ClassWriteListener implements TaskListener {

    private final SourceIndex sources;
    private final OutputClassRewriter rewriter;

    ClassWriteListener(SourceIndex sources, OutputClassRewriter rewriter) {
        this.sources = sources;
        this.rewriter = rewriter;
    }

    @Override
    public void finished(TaskEvent event) {
        if (event.getKind() == TaskEvent.Kind.ANALYZE && event.getTypeElement() != null) {
            sources.index(event.getTypeElement());
        } else if (event.getKind() == TaskEvent.Kind.GENERATE && event.getTypeElement() != null
                && !isDescriptor(event.getTypeElement())) {
            rewriter.rewrite(event.getTypeElement(), event.getCompilationUnit());
        }
    }

    /**
     * {@code module-info} and {@code package-info} have no methods to rewrite, and javac's model
     * places {@code module-info} in no package, so the class file could not even be named.
     */
    private static boolean isDescriptor(TypeElement type) {
        return type.getSimpleName().contentEquals("module-info") || type.getSimpleName().contentEquals("package-info");
    }
}
