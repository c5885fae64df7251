package org.jasyncio.compiler;

/**
 * One thing the compiler has to say about a class: a refusal ({@link Kind#ERROR}), which
 * leaves the class as it was, or a {@link Kind#WARNING}.
 *
 * @param kind       how serious it is
 * @param className  the class, in binary form ({@code com.example.Greeter}), or {@code null} when the
 *                   bytes do not name one (the caller, who knows the file or the class being
 *                   loaded, can name it with {@link #about})
 * @param method     the method's name, or {@code null} when the diagnostic is about the class
 * @param sourceFile the source file name from the class file, or {@code null} when unknown
 * @param line       the source line, or 0 when unknown
 * @param message    what is wrong and what to do instead
 */
public record Diagnostic(Kind kind, String className, String method, String sourceFile, int line, String message) {

    /** The severity of a diagnostic. */
    public enum Kind { ERROR, WARNING }

    /** This diagnostic, naming {@code className} when it named no class. */
    public Diagnostic about(String className) {
        return this.className != null ? this : new Diagnostic(kind, className, method, sourceFile, line, message);
    }

    /** Formats as {@code Greeter.java:12: com.example.Greeter.greet: message}, as the plugin and agent print it. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append(sourceFile == null ? "<unknown source>" : sourceFile);
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": ").append(className == null ? "<unknown class>" : className);
        if (method != null) {
            out.append('.').append(method);
        }
        return out.append(": ").append(message).toString();
    }
}
