package org.jasyncio.fuzz.program;

/** A checked failure of an awaited value, as a generated program may meet one. */
public final class FuzzChecked extends Exception {
    public FuzzChecked(String message) {
        super(message);
    }
}
