package org.jasyncio.internal;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.annotation.ElementType;

/**
 * Written by the jasyncio compiler on every class it rewrote, so that a second rewrite (the
 * agent loading classes the Maven plugin already processed, or an incremental build) leaves
 * the class as it is. Not for user code.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Rewritten {
    /** The version of the coroutine protocol (docs/coroutine-protocol.md) the class targets. */
    int protocol();
}
