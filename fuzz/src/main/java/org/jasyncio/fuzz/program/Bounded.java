package org.jasyncio.fuzz.program;

/**
 * Keeps the strings a generated program stores short. A program may assign a string built from
 * itself ({@code s += s}, {@code b.s = b.toString() + s}) in loops and recursive calls, and the
 * fuel of its {@link Log} counts side effects, not characters: unbounded, the string doubles
 * until the heap is gone, the program runs for minutes, and where the {@code OutOfMemoryError}
 * strikes depends on what else the JVM holds, so the twins throw it at different statements.
 * The generator follows every store of a string by {@code x = Bounded.text(x)} in both twins.
 */
public final class Bounded {

    /** The longest string a program keeps; longer ones keep their ends and their length. */
    static final int LIMIT = 64;
    private static final int END = 24;

    private Bounded() {
    }

    /** {@code text} if it is at most {@link #LIMIT} characters, else its first and last characters and its length. */
    public static String text(String text) {
        if (text == null || text.length() <= LIMIT) {
            return text;
        }
        return text.substring(0, END) + "..(" + text.length() + ").." + text.substring(text.length() - END);
    }
}
