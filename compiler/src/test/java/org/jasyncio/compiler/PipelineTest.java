package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/compiler.md lists the passes in the order the code runs them. */
class PipelineTest {

    private static final Path DOC = Path.of("..", "docs", "compiler.md");
    private static final String SECTION = "### The passes, in the order `Pipeline.PASSES` runs them";

    @Test
    void theDocumentedPassesAreThePipelinesInItsOrder() throws IOException {
        List<String> documented = Files.readString(DOC).lines()
                .dropWhile(line -> !line.equals(SECTION))
                .dropWhile(line -> !line.startsWith("| pass |"))
                .skip(2)
                .takeWhile(line -> line.startsWith("|"))
                .map(line -> line.split("\\|")[1].strip())
                .toList();
        assertEquals(Pipeline.PASSES.stream().map(Pass::name).toList(), documented);
    }
}
