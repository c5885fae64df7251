package org.jasyncio.maven;

import java.util.List;

/**
 * Which class files of a directory the plugin rewrites: those matching an include pattern
 * (every {@code .class} file when there is none) and no exclude pattern.
 */
final class ClassFileSelection {

    private final List<ClassFilePattern> includes;
    private final List<ClassFilePattern> excludes;

    ClassFileSelection(List<String> includes, List<String> excludes) {
        this.includes = compile(includes == null || includes.isEmpty() ? List.of("**/*.class") : includes);
        this.excludes = compile(excludes == null ? List.of() : excludes);
    }

    private static List<ClassFilePattern> compile(List<String> patterns) {
        return patterns.stream().map(ClassFilePattern::compile).toList();
    }

    /** @param relativePath a path such as {@code com/example/Greeter.class}, separated by {@code /} */
    boolean selects(String relativePath) {
        return relativePath.endsWith(".class")
                && includes.stream().anyMatch(p -> p.matches(relativePath))
                && excludes.stream().noneMatch(p -> p.matches(relativePath));
    }
}
