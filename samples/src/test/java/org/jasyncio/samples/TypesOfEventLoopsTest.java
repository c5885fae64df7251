package org.jasyncio.samples;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoopPolicy;
import org.junit.jupiter.api.Test;

class TypesOfEventLoopsTest {

    @Test
    void runsTheSameCoroutineOnTheSelectorLoopThenOnTheProactorLoop() throws InterruptedException {
        EventLoopPolicy before = AsyncIO.getEventLoopPolicy();

        Transcript transcript = Transcript.of(out -> FreshLoop.around(() -> TypesOfEventLoops.run(0.05, out)));

        LessonChecks.selectorThenProactorLoop(transcript);
        for (String line : transcript.lines()) {
            assertTrue(line.endsWith(" in thread " + Thread.currentThread().getName()), transcript::toString);
        }
        assertSame(before, AsyncIO.getEventLoopPolicy(), "the previous policy is restored");
    }
}
