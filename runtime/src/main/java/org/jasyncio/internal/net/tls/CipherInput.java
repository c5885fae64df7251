package org.jasyncio.internal.net.tls;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;

/**
 * The TLS records received and not yet unwrapped. The raw transport's read buffer is lent only for the
 * call that delivers it. A heap read buffer is unwrapped from as it is; a direct one (the selector loop's)
 * is copied to a heap buffer a packet at a time first, since the JDK's AES-GCM allocates temporary
 * arrays for every record it decrypts in a direct buffer. What a read leaves (a trailing partial record,
 * or records that wait while the application paused reading) stays in a pending buffer, borrowed from
 * the thread's spare and given back once unwrapped; the next read tops it up when the engine asks for
 * more. So a connection holds a buffer only while a partial record or paused records are pending, none
 * when idle. Internal to jasyncio.
 */
final class CipherInput {

    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
    /** A pending buffer grown beyond this (records held while paused) is not kept as the spare. */
    private static final int KEEP_AT_MOST = 64 * 1024;
    private static final TlsScratch SPARE = new TlsScratch(KEEP_AT_MOST);

    private final SSLEngine engine;
    /** Bytes to unwrap before the lent ones, between position and limit (read mode); null when none. */
    private ByteBuffer pending;
    /** The raw transport's read buffer, during the read that lent it. */
    private ByteBuffer lent;
    /** How many of the bytes at the end of {@link #pending} were copied from {@link #lent} during this read. */
    private int copied;

    CipherInput(SSLEngine engine) {
        this.engine = engine;
    }

    /** A read lends {@code data} until {@link #keepRest()}. */
    void receive(ByteBuffer data) {
        lent = data;
        copied = 0;
    }

    /** The records to unwrap from: the engine moves its position past what it consumed. */
    ByteBuffer records() {
        if (pending != null) {
            if (lent != null && lent.hasArray() && pending.remaining() <= copied) {
                // What was pending before this read is unwrapped; the rest came from lent, which still has it.
                lent.position(lent.position() - pending.remaining());
                release();
            } else if (!pending.hasRemaining() && !refill()) {
                release();
            }
        }
        if (pending == null) {
            if (lent == null || !lent.hasRemaining()) {
                return NOTHING;
            }
            if (lent.hasArray()) {
                return lent;
            }
            pending = SPARE.borrow(engine.getSession().getPacketBufferSize()).flip();
            refill();
        }
        return pending;
    }

    /**
     * The engine needs more bytes than {@link #records()} gave it: moves lent bytes behind the pending
     * ones, as many as fit (the buffer grows only when full: a record larger than it). Returns whether
     * there were any to move.
     */
    boolean refill() {
        if (pending == null || lent == null || !lent.hasRemaining()) {
            return false;
        }
        if (pending.remaining() == pending.capacity()) {
            grow(pending.capacity() + engine.getSession().getPacketBufferSize());
        }
        pending.compact();
        int count = Math.min(pending.remaining(), lent.remaining());
        int end = lent.limit();
        pending.put(lent.limit(lent.position() + count)).flip();
        lent.limit(end);
        copied += count;
        return true;
    }

    /** The read is over: what the engine did not unwrap from the lent buffer is copied to the pending buffer. */
    void keepRest() {
        if (lent != null && lent.hasRemaining()) {
            append(lent);
        }
        lent = null;
        copied = 0;
        if (pending != null && !pending.hasRemaining()) {
            release();
        }
    }

    /** Drops what is left (the connection will not unwrap it). */
    void clear() {
        if (lent != null) {
            lent.position(lent.limit());
            lent = null;
        }
        copied = 0;
        if (pending != null) {
            release();
        }
    }

    private void append(ByteBuffer data) {
        if (pending == null) {
            pending = SPARE.borrow(Math.max(engine.getSession().getPacketBufferSize(), data.remaining())).flip();
        } else if (pending.capacity() - pending.remaining() < data.remaining()) {
            grow(Math.max(pending.capacity() * 2, pending.remaining() + data.remaining()));
        }
        pending.compact();
        pending.put(data).flip();
    }

    private void grow(int capacity) {
        ByteBuffer larger = ByteBuffer.allocate(capacity);
        larger.put(pending).flip();
        SPARE.giveBack(pending);
        pending = larger;
    }

    private void release() {
        ByteBuffer done = pending;
        pending = null;
        copied = 0;
        SPARE.giveBack(done);
    }
}
