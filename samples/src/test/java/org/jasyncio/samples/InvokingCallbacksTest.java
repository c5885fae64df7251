package org.jasyncio.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jasyncio.AsyncIO;
import org.junit.jupiter.api.Test;

class InvokingCallbacksTest {

    @Test
    void theResolverRunsOnTheLoopThreadAndWakesTheCoroutine() throws InterruptedException {
        long[] loopId = new long[1];
        Transcript transcript = Transcript.of(out -> FreshLoop.around(() -> {
            loopId[0] = AsyncIO.getEventLoop().id();
            InvokingCallbacks.run(0.05, out);
        }));

        LessonChecks.callbackOnTheLoopThread(transcript);
        assertEquals("Is loop running in thread " + Thread.currentThread().getName() + " = " + loopId[0],
                transcript.lines().get(0), "the loop is this thread's current loop");
    }
}
