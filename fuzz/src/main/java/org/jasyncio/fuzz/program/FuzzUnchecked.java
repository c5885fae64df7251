package org.jasyncio.fuzz.program;

/** An unchecked failure, thrown by generated code itself or by an awaited value. */
public final class FuzzUnchecked extends RuntimeException {
    public FuzzUnchecked(String message) {
        super(message);
    }
}
