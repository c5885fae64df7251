package org.jasyncio.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.CompilerOptions;
import org.jasyncio.compiler.Diagnostic;

/**
 * What both goals do: rewrite the {@code @Async} methods of one classes directory in place,
 * computing frames from one classpath of the project, and fail the build on refusals.
 */
abstract class AbstractInstrumentMojo extends AbstractMojo {

    /** The project being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /**
     * Skips the goal: no class file is read or written. Classes with {@code @Async} methods then
     * stay as javac wrote them, and every {@code await} in them throws
     * {@code IllegalStateException} unless the jasyncio agent rewrites them when they load.
     */
    @Parameter(property = "jasyncio.skip", defaultValue = "false")
    boolean skip;

    /**
     * Ant-style patterns of the class files to rewrite, relative to the classes directory, such
     * as {@code com/example/**}{@code /*.class}. {@code **} matches any number of directories,
     * {@code *} part of a name. Default: every class file.
     */
    @Parameter
    List<String> includes;

    /**
     * Ant-style patterns of class files to leave alone even if an include pattern matches them,
     * such as {@code **}{@code /generated/**}. Default: none.
     */
    @Parameter
    List<String> excludes;

    /**
     * Whether a refused method fails the build. Refusals are {@code await} outside an
     * {@code @Async} method, {@code await} in a {@code synchronized} block or method or in a
     * lambda, and {@code @Async} on a constructor or on a method that does not return
     * {@code Task}. Every refusal is logged as an error either way; with {@code false} the
     * refused classes are left as they were and the build goes on.
     */
    @Parameter(property = "jasyncio.failOnError", defaultValue = "true")
    boolean failOnError;

    /** Logs every rewritten class with the number of its rewritten methods, not just the totals. */
    @Parameter(property = "jasyncio.verbose", defaultValue = "false")
    boolean verbose;

    /**
     * Keeps every variable in scope alive across each {@code await}, so that a debugger shows them
     * all after it, at the cost of larger suspended tasks. Without it a debugger still never shows
     * a wrong value, but a variable the code no longer reads is out of scope after an {@code await}.
     */
    @Parameter(property = "jasyncio.keepLocals", defaultValue = "false")
    boolean keepLocals;

    /** The directory whose class files this goal rewrites. */
    abstract Path classesDirectory();

    /** The classpath frames are computed from; it includes {@link #classesDirectory()}. */
    abstract List<String> classpath() throws DependencyResolutionRequiredException;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("jasyncio: skipped");
            return;
        }
        Path classes = classesDirectory();
        if (!Files.isDirectory(classes)) {
            getLog().info("jasyncio: no classes in " + classes);
            return;
        }
        RewriteReport report = rewrite(classes);
        if (verbose) {
            report.rewritten().forEach(c -> getLog().info("jasyncio: rewrote " + c.methods() + " methods in " + c.className()));
        }
        report.warnings().forEach(d -> getLog().warn(d.toString()));
        report.errors().forEach(d -> getLog().error(d.toString()));
        getLog().info("jasyncio: rewrote " + report.rewrittenMethods() + " methods in " + report.rewritten().size() + " classes");
        if (failOnError && !report.errors().isEmpty()) {
            throw new MojoFailureException(failureMessage(report.errors()));
        }
    }

    private RewriteReport rewrite(Path classes) throws MojoExecutionException {
        try (ClasspathClassBytes classBytes = new ClasspathClassBytes(classpath().stream().map(Path::of).toList())) {
            ClassDirectoryRewriter rewriter = new ClassDirectoryRewriter(new AsyncCompiler(classBytes, new CompilerOptions(keepLocals)),
                    new ClassFileSelection(includes, excludes));
            return rewriter.rewrite(classes);
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("jasyncio: the project's dependencies are not resolved", e);
        } catch (IOException e) {
            throw new MojoExecutionException("jasyncio: cannot rewrite the classes in " + classes + ": " + e.getMessage(), e);
        }
    }

    /**
     * Counts what was refused as it was refused: a method for each method with refusals, a
     * class for each class refused as a whole (one the compiler cannot read, say).
     */
    static String failureMessage(List<Diagnostic> errors) {
        long methods = errors.stream().filter(d -> d.method() != null).map(d -> d.className() + "." + d.method())
                .distinct().count();
        long classes = errors.stream().filter(d -> d.method() == null).count();
        String refused = methods > 0 && classes > 0 ? counted(methods, "method", "methods") + " and "
                + counted(classes, "class", "classes") : methods > 0 ? counted(methods, "method", "methods")
                : counted(classes, "class", "classes");
        return errors.stream().map(Diagnostic::toString).collect(Collectors.joining(System.lineSeparator() + "  ",
                "jasyncio refused " + refused + ":" + System.lineSeparator() + "  ", ""));
    }

    private static String counted(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
