package org.jasyncio.maven;

import java.nio.file.Path;
import java.util.List;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Rewrites the {@code @Async} methods of the project's test classes
 * ({@code target/test-classes}) into state machines, in place, right after they are compiled
 * and before the tests run. Frames are computed from the test classpath. Otherwise the same as
 * {@code instrument}.
 */
@Mojo(name = "instrument-tests", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class InstrumentTestsMojo extends AbstractInstrumentMojo {

    @Override
    Path classesDirectory() {
        return Path.of(project.getBuild().getTestOutputDirectory());
    }

    @Override
    List<String> classpath() throws DependencyResolutionRequiredException {
        return project.getTestClasspathElements();
    }
}
