package org.jasyncio.maven;

import java.nio.file.Path;
import java.util.List;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Rewrites the {@code @Async} methods of the project's main classes ({@code target/classes})
 * into state machines, in place, right after they are compiled. Frames are computed from the
 * compile classpath. Classes already rewritten are left as they are, so a second build writes
 * nothing. Logs how many methods in how many classes were rewritten; every refused method is
 * logged as {@code File.java:line: Class.method: reason} and, with {@code failOnError}, fails
 * the build.
 */
@Mojo(name = "instrument", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class InstrumentMojo extends AbstractInstrumentMojo {

    @Override
    Path classesDirectory() {
        return Path.of(project.getBuild().getOutputDirectory());
    }

    @Override
    List<String> classpath() throws DependencyResolutionRequiredException {
        return project.getCompileClasspathElements();
    }
}
