package org.jasyncio;

/**
 * asyncio's {@code IncompleteReadError}: the stream ended before {@link StreamReader#readexactly} got
 * its bytes or {@link StreamReader#readuntil} found its separator. The bytes read are in
 * {@link #partial()}; they are no longer in the reader.
 */
public class IncompleteReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final byte[] partial;
    private final Integer expected;

    /**
     * @param partial the bytes read before the end of the stream
     * @param expected how many bytes were wanted, or {@code null} when the separator was missing
     */
    public IncompleteReadException(byte[] partial, Integer expected) {
        super(partial.length + " bytes read on a total of " + (expected == null ? "undefined" : expected)
                + " expected bytes");
        this.partial = partial;
        this.expected = expected;
    }

    /** The bytes read before the end of the stream (a copy). */
    public byte[] partial() {
        return partial.clone();
    }

    /** How many bytes were wanted, or {@code null} for a missing separator. */
    public Integer expected() {
        return expected;
    }
}
