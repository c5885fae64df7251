package org.jasyncio.internal.net.tls;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;

/**
 * The TLS records received and not yet unwrapped. During a read the engine unwraps straight from the
 * raw transport's read buffer, which is lent only for that call: what it leaves (a trailing partial
 * record, or records that wait while the application paused reading) is copied to a pending buffer,
 * borrowed from the thread's spare, and given back once unwrapped. The next read tops that buffer up
 * until its records are unwrapped, then unwrapping goes on from the read buffer. An idle connection
 * whose last read ended on a record boundary holds no buffer. Internal to jasyncio.
 */
final class CipherInput {

    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
    /** A pending buffer grown beyond this (records held while paused) is not kept as the spare. */
    private static final int KEEP_AT_MOST = 64 * 1024;
    private static final TlsScratch SPARE = new TlsScratch(KEEP_AT_MOST);

    private final SSLEngine engine;
    /** Bytes not unwrapped from earlier reads, between position and limit (read mode); null when none. */
    private ByteBuffer pending;
    /** The raw transport's read buffer, during the read that lent it. */
    private ByteBuffer lent;
    /** How many of the bytes at the end of {@link #pending} were copied from {@link #lent}. */
    private int copied;

    CipherInput(SSLEngine engine) {
        this.engine = engine;
    }

    /** A read lends {@code data} until {@link #keepRest()}. */
    void receive(ByteBuffer data) {
        lent = data;
        copied = 0;
    }

    /**
     * The records to unwrap from: the engine moves its position past what it consumed. The pending
     * bytes while there are any (topped up from the lent buffer), else the lent buffer.
     */
    ByteBuffer records() {
        if (pending != null && pending.remaining() <= copied) {
            // What was pending before this read is unwrapped: the rest was copied from lent, which still has it.
            if (copied > 0) {
                lent.position(lent.position() - pending.remaining());
            }
            release();
        }
        if (pending == null) {
            return lent != null ? lent : NOTHING;
        }
        if (lent != null && lent.hasRemaining()) {
            topUp();
        }
        return pending;
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

    /** Moves as many lent bytes to the pending buffer as it has room for, growing it only when it is full. */
    private void topUp() {
        if (pending.remaining() == pending.capacity()) {
            // Full, and the engine asked for more: its packet size grew, or the records wait beyond a packet.
            grow(pending.capacity() + engine.getSession().getPacketBufferSize());
        }
        pending.compact();
        int count = Math.min(pending.remaining(), lent.remaining());
        pending.put(lent.slice().limit(count)).flip();
        lent.position(lent.position() + count);
        copied += count;
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
