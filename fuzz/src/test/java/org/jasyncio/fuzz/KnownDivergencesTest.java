package org.jasyncio.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@link KnownDivergence} still shows in its examples ({@code known-divergences/kind-...java}),
 * and nothing else does: when a fix lands, its example fails here; move it to
 * {@code regressions/} and delete the constant.
 */
class KnownDivergencesTest {

    @TestFactory
    Stream<DynamicTest> everyExampleStillShowsItsKnownDivergenceAlone() throws IOException, URISyntaxException {
        Path directory = Path.of(KnownDivergencesTest.class.getResource("/known-divergences").toURI());
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString();
            KnownDivergence divergence = KnownDivergence.valueOf(name.substring(0, name.indexOf('-'))
                    .toUpperCase(Locale.ROOT));
            for (Verdict verdict : Regression.verdicts(Files.readString(file))) {
                assertEquals(Verdict.Kind.KNOWN_DIVERGENCE, verdict.kind(), verdict.program() + ": " + verdict.detail());
                assertEquals(Set.of(divergence), verdict.known(), verdict.program() + ": " + verdict.detail());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyKnownDivergenceHasAnExample() throws URISyntaxException, IOException {
        Path directory = Path.of(KnownDivergencesTest.class.getResource("/known-divergences").toURI());
        List<String> names;
        try (Stream<Path> listing = Files.list(directory)) {
            names = listing.map(f -> f.getFileName().toString()).toList();
        }
        return Stream.of(KnownDivergence.values()).map(divergence -> DynamicTest.dynamicTest(divergence.name(),
                () -> assertEquals(true, names.stream().anyMatch(n -> n.startsWith(
                        divergence.name().toLowerCase(Locale.ROOT) + "-")), names.toString())));
    }
}
