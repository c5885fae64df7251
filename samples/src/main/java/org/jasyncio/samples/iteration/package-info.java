/**
 * Async iteration: {@link org.jasyncio.samples.iteration.LogTail}, a pipeline of async generators
 * over the lines of a stream ({@code StreamReader.lines()}) that decodes, counts, filters and stops
 * early, each stage asking the one before it for one line at a time.
 */
package org.jasyncio.samples.iteration;
