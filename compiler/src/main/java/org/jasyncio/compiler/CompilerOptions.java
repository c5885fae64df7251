package org.jasyncio.compiler;

/**
 * How the compiler rewrites: the choices the Maven plugin, the agent and jasyncio-javac pass on
 * from their users.
 *
 * @param keepLocals keep every variable the local variable table has in scope at an {@code await}
 *                   alive across it (spilled and restored), so that a debugger shows them all after
 *                   it, at the cost of a larger suspended task (Kotlin's {@code -Xdebug}); without it
 *                   only what the code still reads is kept, and a variable it no longer reads leaves
 *                   the table's range there
 */
public record CompilerOptions(boolean keepLocals) {

    /** What a build gets when it sets nothing: only live values are kept. */
    public static final CompilerOptions DEFAULT = new CompilerOptions(false);
}
