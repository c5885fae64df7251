package org.jasyncio.internal.net.tls;

import java.nio.ByteBuffer;

/**
 * The TLS records received and not yet unwrapped. The raw transport's read buffer is valid only
 * during {@code dataReceived}, and a record may span two reads, so what arrives is copied here and
 * unwrapped from here. Internal to jasyncio.
 */
final class CipherInput {

    private final int initialSize;
    /** Unread bytes between position and limit (read mode between calls). */
    private ByteBuffer records;

    CipherInput(int packetSize) {
        initialSize = packetSize;
        records = ByteBuffer.allocate(packetSize).flip();
    }

    /** Appends the remaining bytes of {@code data} (its position moves to its limit). */
    void append(ByteBuffer data) {
        if (records.capacity() - records.remaining() < data.remaining()) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(records.capacity() * 2, records.remaining() + data.remaining()));
            larger.put(records);
            records = larger;
        } else {
            records.compact();
        }
        records.put(data).flip();
    }

    /** The records to unwrap from: the engine moves its position past what it consumed. */
    ByteBuffer records() {
        return records;
    }

    /**
     * Gives back the room a burst made it grow to, once everything was unwrapped: an idle connection
     * keeps one packet's worth, not the largest read it ever had.
     */
    void trim() {
        if (!records.hasRemaining() && records.capacity() > initialSize) {
            records = ByteBuffer.allocate(initialSize).flip();
        }
    }

    /** Drops what is left (the connection will not unwrap it). */
    void clear() {
        records.position(records.limit());
    }
}
