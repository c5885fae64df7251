package org.jasyncio;

import java.util.Optional;

/**
 * Installs the {@link TaskGraphEvent} when the JDK has JFR: the runtime reads {@code jdk.jfr} only
 * optionally ({@code requires static}), so in an image without it (a jlink image of
 * {@code java.base} alone) nothing happens, and no class naming JFR's types is loaded.
 */
final class TaskGraphRecording {

    private TaskGraphRecording() {
    }

    static void install() {
        Optional<Module> jfr = ModuleLayer.boot().findModule("jdk.jfr");
        if (jfr.isPresent() && TaskGraphRecording.class.getModule().canRead(jfr.get())) {
            TaskGraphListener.listen();
        }
    }
}
