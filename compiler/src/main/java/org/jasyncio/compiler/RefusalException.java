package org.jasyncio.compiler;

/** Raised inside a pass when a method cannot be rewritten; becomes an error {@link Diagnostic}. */
final class RefusalException extends Exception {

    private final int line;

    RefusalException(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }
}
