package org.jasyncio.fuzz.program;

/**
 * The object generated programs construct (with awaits among the constructor's arguments) and mutate.
 * Its string is {@link Bounded}: {@code new Box(v, "" + box + box)} in a loop would double it.
 */
public final class Box {
    public int v;
    public String s;

    public Box(int v, String s) {
        this.v = v;
        this.s = Bounded.text(s);
    }

    @Override
    public String toString() {
        return "Box(" + v + "," + s + ")";
    }
}
