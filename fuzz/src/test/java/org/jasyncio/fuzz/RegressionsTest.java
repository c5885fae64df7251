package org.jasyncio.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Replays every shrunk program the fuzzer ever wrote to {@code src/test/resources/regressions}. */
class RegressionsTest {

    @TestFactory
    Stream<DynamicTest> everyRegressionPasses() throws IOException, URISyntaxException {
        Path directory = Path.of(RegressionsTest.class.getResource("/regressions").toURI());
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> assertEquals(List.of(), Regression.failures(Files.readString(file)))));
    }
}
