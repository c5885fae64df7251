/**
 * The asyncio event-loop lesson, program by program, in Java: each class is the Java twin of one
 * Python program of the lesson, and {@link org.jasyncio.samples.Tour} runs them all in order.
 *
 * <p>Every sample has a {@code main(String[])} that accepts {@code --scale F} (every duration
 * multiplied by {@code F}) and a {@code run(double scale, PrintStream out)} that the tour and the
 * tests call.
 */
package org.jasyncio.samples;
