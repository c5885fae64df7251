package org.jasyncio.internal.net;

import org.jasyncio.Protocol;

/**
 * A stream transport's write-side flow control, for either loop type: the protocol's writing is paused
 * once the write buffer grows above the high-water mark (64 KiB by default) and resumed once it drains
 * to the low-water mark (a quarter of it), as asyncio's {@code _maybe_pause_protocol} and
 * {@code _maybe_resume_protocol} do. Internal to jasyncio: not for users.
 */
public final class WriteFlowControl {

    private static final int DEFAULT_HIGH_WATER = 64 * 1024;

    private final Protocol protocol;
    private final TransportFaults faults;
    private int highWater = DEFAULT_HIGH_WATER;
    private int lowWater = DEFAULT_HIGH_WATER / 4;
    private boolean protocolPaused;

    /** Flow control of {@code protocol}'s writing; its callbacks' failures go to {@code faults}. */
    public WriteFlowControl(Protocol protocol, TransportFaults faults) {
        this.protocol = protocol;
        this.faults = faults;
    }

    /**
     * Sets the marks; the caller then calls {@link #grew} with its buffer's size.
     *
     * @throws IllegalArgumentException unless {@code high >= low >= 0}
     */
    public void setLimits(int high, int low) {
        if (!(high >= low && low >= 0)) {
            throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ") must be >= 0");
        }
        highWater = high;
        lowWater = low;
    }

    /** The write buffer now holds {@code buffered} bytes, more than before: pauses the protocol above the high-water mark. */
    public void grew(long buffered) {
        if (protocolPaused || buffered <= highWater) {
            return;
        }
        protocolPaused = true;
        try {
            protocol.pauseWriting();
        } catch (RuntimeException e) {
            faults.report("protocol.pauseWriting() failed", e);
        }
    }

    /** The write buffer now holds {@code buffered} bytes, fewer than before: resumes the protocol at the low-water mark. */
    public void shrank(long buffered) {
        if (!protocolPaused || buffered > lowWater) {
            return;
        }
        protocolPaused = false;
        try {
            protocol.resumeWriting();
        } catch (RuntimeException e) {
            faults.report("protocol.resumeWriting() failed", e);
        }
    }
}
