package org.jasyncio.javac;

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
        } else if (event.getKind() == TaskEvent.Kind.GENERATE && event.getTypeElement() != null) {
            rewriter.rewrite(event.getTypeElement(), event.getCompilationUnit());
        }
    }
}
