package org.jasyncio.samples;

/**
 * The time scale of a run: every duration of the lesson is multiplied by it, so that {@code 0.1}
 * runs the tour ten times faster with the same shape of output.
 */
final class Scale {

    static final String PROPERTY = "tour.scale";
    private static final String OPTION = "--scale";

    private Scale() {
    }

    /**
     * The scale given as {@code --scale F} in {@code args}, else by the system property
     * {@code tour.scale}, else 1 (the lesson's own durations).
     *
     * @throws IllegalArgumentException if the scale is not a positive number or {@code --scale} has
     *     no value
     */
    static double fromArgs(String[] args) {
        String text = System.getProperty(PROPERTY, "1");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(OPTION)) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(OPTION + " needs a value, e.g. " + OPTION + " 0.1");
                }
                text = args[i + 1];
            }
        }
        return parse(text);
    }

    private static double parse(String text) {
        double scale;
        try {
            scale = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scale must be a positive number, got '" + text + "'", e);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive number, got '" + text + "'");
        }
        return scale;
    }
}
