package org.jasyncio.fuzz.program;

import java.util.concurrent.Callable;

/**
 * The call of a generated lambda, in both twins: named on the lambda's first line, where the async
 * twin's {@code await} stands, so that the calling method's stack frame shows the same line in
 * both twins, whether the lambda's failure crossed an await or not (a trailing {@code .call()}
 * would be on the lambda's last line).
 */
public final class Inline {

    private Inline() {
    }

    /** {@code body.call()}. */
    public static <T> T call(Callable<T> body) throws Exception {
        return body.call();
    }
}
