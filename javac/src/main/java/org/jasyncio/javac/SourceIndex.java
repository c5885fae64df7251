package org.jasyncio.javac;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

/**
 * What the trees of the compiled sources say that their class files do not: where each
 * {@code await} and each method is, so that a refusal is reported on the tree the user wrote
 * (the line of an {@code await} alone says nothing to javac's diagnostics), and the local and
 * anonymous classes, which javac's {@link Elements} cannot find by name.
 *
 * <p>Classes are indexed once analysed: by the time javac writes them, it has lowered their
 * trees (lambdas and local classes moved out of their methods).
 */
final class SourceIndex {

    private record MethodSpan(long firstLine, long lastLine, TreePath path) {
    }

    private final Trees trees;
    private final Elements elements;
    private final Set<TypeElement> indexed = new HashSet<>();
    private final Map<String, TypeElement> localClasses = new HashMap<>();
    private final Map<CompilationUnitTree, Map<Long, TreePath>> awaitsByLine = new HashMap<>();
    private final Map<CompilationUnitTree, List<MethodSpan>> methods = new HashMap<>();

    SourceIndex(Trees trees, Elements elements) {
        this.trees = trees;
        this.elements = elements;
    }

    /** Indexes the class javac has just analysed, with everything nested in it. */
    void index(TypeElement type) {
        if (!indexed.add(type)) {
            return;
        }
        TreePath path = trees.getPath(type);
        if (path != null) {
            new Scanner(path.getCompilationUnit()).scan(path, null);
        }
    }

    /** A local or anonymous class of the compiled sources by its binary name, or {@code null}. */
    TypeElement localClass(String binaryName) {
        return localClasses.get(binaryName);
    }

    /**
     * The tree a diagnostic at {@code line} of {@code unit} belongs on: the {@code await} (or
     * {@code AsyncIO::await}) on that line, else the innermost method declared around it, else
     * {@code null}.
     */
    TreePath treeAt(CompilationUnitTree unit, long line) {
        TreePath await = awaitsByLine.getOrDefault(unit, Map.of()).get(line);
        if (await != null) {
            return await;
        }
        MethodSpan innermost = null;
        for (MethodSpan span : methods.getOrDefault(unit, List.of())) {
            if (span.firstLine() <= line && line <= span.lastLine()
                    && (innermost == null || span.firstLine() >= innermost.firstLine())) {
                innermost = span;
            }
        }
        return innermost == null ? null : innermost.path();
    }

    private final class Scanner extends TreePathScanner<Void, Void> {

        private final CompilationUnitTree unit;
        private final SourcePositions positions = trees.getSourcePositions();

        Scanner(CompilationUnitTree unit) {
            this.unit = unit;
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
            Element element = trees.getElement(getCurrentPath());
            if (element instanceof TypeElement type && (type.getNestingKind() == NestingKind.LOCAL
                    || type.getNestingKind() == NestingKind.ANONYMOUS)) {
                localClasses.put(elements.getBinaryName(type).toString(), type);
            }
            return super.visitClass(tree, unused);
        }

        @Override
        public Void visitMethod(MethodTree tree, Void unused) {
            methods.computeIfAbsent(unit, u -> new ArrayList<>()).add(
                    new MethodSpan(line(positions.getStartPosition(unit, tree)), line(positions.getEndPosition(unit, tree)),
                            getCurrentPath()));
            return super.visitMethod(tree, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
            if (isAwait(tree.getMethodSelect())) {
                // javac gives the call the line of its '(', which follows the name.
                noteAwait(positions.getEndPosition(unit, tree.getMethodSelect()));
            }
            return super.visitMethodInvocation(tree, unused);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
            if (tree.getName().contentEquals("await")) {
                noteAwait(positions.getStartPosition(unit, tree));
                noteAwait(positions.getEndPosition(unit, tree));
            }
            return super.visitMemberReference(tree, unused);
        }

        private void noteAwait(long position) {
            awaitsByLine.computeIfAbsent(unit, u -> new HashMap<>()).putIfAbsent(line(position), getCurrentPath());
        }

        private long line(long position) {
            return position < 0 ? -1 : unit.getLineMap().getLineNumber(position);
        }

        private static boolean isAwait(Tree select) {
            return (select instanceof IdentifierTree id && id.getName().contentEquals("await"))
                    || (select instanceof MemberSelectTree member && member.getIdentifier().contentEquals("await"));
        }
    }
}
