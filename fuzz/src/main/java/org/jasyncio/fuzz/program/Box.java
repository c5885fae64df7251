package org.jasyncio.fuzz.program;

/** The object generated programs construct (with awaits among the constructor's arguments) and mutate. */
public final class Box {
    public int v;
    public String s;

    public Box(int v, String s) {
        this.v = v;
        this.s = s;
    }

    @Override
    public String toString() {
        return "Box(" + v + "," + s + ")";
    }
}
