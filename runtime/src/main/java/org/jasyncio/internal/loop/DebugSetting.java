package org.jasyncio.internal.loop;

/**
 * Whether new loops start in debug mode: system property {@code jasyncio.debug=true} or environment
 * variable {@code JASYNCIO_DEBUG} set to anything but empty, {@code 0} or {@code false}. Internal to
 * jasyncio: not for users.
 */
public final class DebugSetting {

    private DebugSetting() {
    }

    /** Reads the property and the environment variable now. */
    public static boolean fromEnvironment() {
        if (Boolean.getBoolean("jasyncio.debug")) {
            return true;
        }
        String variable = System.getenv("JASYNCIO_DEBUG");
        return variable != null && !variable.isEmpty() && !variable.equals("0") && !variable.equalsIgnoreCase("false");
    }
}
