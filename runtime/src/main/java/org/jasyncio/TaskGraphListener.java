package org.jasyncio;

import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

/**
 * Registers the periodic {@link TaskGraphEvent} once JFR starts, not before: loading an event
 * class, let alone registering it, loads most of JFR, which a process nobody records should not
 * pay for. Until then a process pays for this listener only (JFR's front classes, about a hundred).
 */
final class TaskGraphListener implements FlightRecorderListener {

    private TaskGraphListener() {
    }

    static void listen() {
        FlightRecorder.addListener(new TaskGraphListener());
    }

    @Override
    public void recorderInitialized(FlightRecorder recorder) {
        FlightRecorder.addPeriodicEvent(TaskGraphEvent.class, TaskGraphEvent::emitForEveryLoop);
    }
}
