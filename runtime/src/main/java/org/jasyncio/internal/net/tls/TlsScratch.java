package org.jasyncio.internal.net.tls;

import java.nio.ByteBuffer;

/**
 * A spare buffer per loop thread, which the TLS connections of that thread borrow in turn, so that an
 * idle connection holds none: the plaintext a pump unwraps, the records it wraps, the partial record
 * a read ends with. Borrowing takes the spare out of its slot, so a connection that borrows while
 * another still has it (an application callback run during one connection's pump that writes to, or
 * pumps, another connection on the same loop) finds the slot empty and gets a buffer of its own; the
 * first buffer given back becomes the spare. A buffer larger than the limit (grown for a large record
 * or a burst) is not kept. Internal to jasyncio.
 */
final class TlsScratch {

    private final int keepAtMost;
    private final ThreadLocal<ByteBuffer[]> spare = ThreadLocal.withInitial(() -> new ByteBuffer[1]);

    /** A slot per thread that keeps a given-back buffer of at most {@code keepAtMost} bytes. */
    TlsScratch(int keepAtMost) {
        this.keepAtMost = keepAtMost;
    }

    /** A cleared buffer of at least {@code capacity} bytes: the spare if it is free and large enough, else a new one. */
    ByteBuffer borrow(int capacity) {
        ByteBuffer[] slot = spare.get();
        ByteBuffer buffer = slot[0];
        if (buffer != null && buffer.capacity() >= capacity) {
            slot[0] = null;
            return buffer.clear();
        }
        return ByteBuffer.allocate(capacity);
    }

    /** Takes back {@code buffer}, which the caller must no longer use: it becomes the spare unless a larger one is there. */
    void giveBack(ByteBuffer buffer) {
        ByteBuffer[] slot = spare.get();
        if (buffer.capacity() <= keepAtMost && (slot[0] == null || slot[0].capacity() < buffer.capacity())) {
            slot[0] = buffer;
        }
    }
}
