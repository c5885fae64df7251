package org.jasyncio;

/** When {@link AsyncIO#wait} returns (asyncio's {@code return_when} constants). */
public enum ReturnWhen {
    /** As soon as any future is done or cancelled. */
    FIRST_COMPLETED,
    /** As soon as any future fails with an exception; if none does, as ALL_COMPLETED. */
    FIRST_EXCEPTION,
    /** When every future is done or cancelled. */
    ALL_COMPLETED
}
