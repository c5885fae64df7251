package org.jasyncio.samples;

import java.util.logging.Level;

import org.jasyncio.testing.LogCapture;

/** What a sample printed, and the warnings the loop logged meanwhile (one per line), such as debug mode's slow-callback reports. */
record LoggedRun(Transcript transcript, String warnings) {

    static LoggedRun of(Transcript.SampleRun sample) throws InterruptedException {
        try (LogCapture logs = LogCapture.start()) {
            Transcript transcript = Transcript.of(sample);
            return new LoggedRun(transcript, String.join("\n", logs.messages(Level.WARNING)));
        }
    }
}
