/**
 * The protocol between rewritten {@code @Async} methods and the runtime: the calls the jasyncio
 * compiler emits ({@link org.jasyncio.internal.Coroutine}) and the marker it leaves on classes it
 * rewrote ({@link org.jasyncio.internal.Rewritten}). Exported only because rewritten code in user
 * modules must reach it; not for hand-written code, and it may change between versions together with
 * the compiler. {@code docs/coroutine-protocol.md} specifies it.
 */
package org.jasyncio.internal;
