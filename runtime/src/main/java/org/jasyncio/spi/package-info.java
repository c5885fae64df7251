/**
 * The pluggable parts of an event loop, for loop implementations beyond the two that jasyncio ships:
 * a {@link org.jasyncio.spi.Poller} (how an iteration waits for I/O or a wake-up) and a
 * {@link org.jasyncio.spi.Clock} (where the loop reads its time). A subclass of
 * {@link org.jasyncio.EventLoop} passes both to its protected constructor; a test loop in virtual time
 * is the typical one: its poller advances its clock to the next timer instead of sleeping. Such a loop
 * runs callbacks, timers, futures and tasks exactly as the selector loop does and has no network I/O.
 */
package org.jasyncio.spi;
