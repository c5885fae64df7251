package org.jasyncio.internal.net.tls;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import org.jasyncio.Transport;

/**
 * The sending half of a TLS connection: wraps the application's bytes and the engine's own messages
 * (handshake, alerts, close_notify) into records, batched into one buffer and handed to the raw
 * transport by {@link #send()} (which copies what the socket does not take at once). The batch buffer
 * is the thread's spare, borrowed when wrapping starts and given back by {@link #send()}, so a connection
 * holds none between writes. While a handshake holds the application's bytes back (a TLS 1.2
 * renegotiation), they wait in a backlog, in order. Internal to jasyncio.
 */
final class CipherOutput {

    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
    /** Records batched per hand-over to the raw transport. */
    private static final int BATCH = 4;
    /** A batch buffer grown beyond this (for records larger than the usual packet) is not kept as the spare. */
    private static final int KEEP_AT_MOST = 256 * 1024;
    private static final TlsScratch SPARE = new TlsScratch(KEEP_AT_MOST);

    private final SSLEngine engine;
    private final ArrayDeque<ByteBuffer> backlog = new ArrayDeque<>();
    private long backlogBytes;
    /** Records not handed over yet (write mode); null when none is borrowed. */
    private ByteBuffer records;
    private Transport raw;
    /**
     * Set while application bytes are being wrapped. Handing a batch to the raw transport can call
     * the application back ({@code pauseWriting}); a write it makes then goes to the backlog, behind
     * the bytes still being wrapped, instead of overtaking them.
     */
    private boolean wrapping;

    CipherOutput(SSLEngine engine) {
        this.engine = engine;
    }

    /** Sends to {@code transport} from now on. */
    void attach(Transport transport) {
        raw = transport;
    }

    /**
     * Wraps the application's {@code data} now, unless a handshake or earlier bytes hold it back: then
     * the rest is copied to the backlog (the caller may reuse {@code data} at once). Bytes written after
     * the engine's outbound side closed are dropped.
     */
    void write(ByteBuffer data) throws SSLException {
        if (!wrapping && backlog.isEmpty()
                && engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
            wrapping = true;
            try {
                while (data.hasRemaining()) {
                    SSLEngineResult result = wrap(data);
                    if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                        data.position(data.limit());
                        return;
                    }
                    if (result.bytesConsumed() == 0) {
                        break;
                    }
                }
            } finally {
                wrapping = false;
            }
        }
        if (data.hasRemaining()) {
            ByteBuffer copy = ByteBuffer.allocate(data.remaining());
            copy.put(data).flip();
            backlog.add(copy);
            backlogBytes += copy.remaining();
        }
    }

    /**
     * Wraps the backlog as far as the engine takes it; returns whether it is empty now. Not while
     * other application bytes are being wrapped (a pump from inside their hand-over): the backlog
     * goes after them.
     */
    boolean flushBacklog() throws SSLException {
        if (wrapping) {
            return false;
        }
        wrapping = true;
        try {
            return wrapBacklog();
        } finally {
            wrapping = false;
        }
    }

    private boolean wrapBacklog() throws SSLException {
        while (!backlog.isEmpty()) {
            ByteBuffer head = backlog.peek();
            SSLEngineResult result = wrap(head);
            backlogBytes -= result.bytesConsumed();
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                drop();
                return true;
            }
            if (!head.hasRemaining()) {
                backlog.poll();
            } else if (result.bytesConsumed() == 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether application bytes wait for a handshake to finish. */
    boolean hasBacklog() {
        return !backlog.isEmpty();
    }

    /** How many application bytes wait in the backlog. */
    long backlogBytes() {
        return backlogBytes;
    }

    /** Drops the backlog (the connection is going away). */
    void drop() {
        backlog.clear();
        backlogBytes = 0;
    }

    /** Wraps the message the engine asks to send (NEED_WRAP); returns whether it produced anything. */
    boolean wrapControl() throws SSLException {
        return wrap(NOTHING).bytesProduced() > 0;
    }

    /**
     * Hands the batched records to the raw transport and gives the batch buffer back. The field is
     * cleared first: the raw transport may call the application (pauseWriting), which may write again.
     */
    void send() {
        if (records == null || raw == null) {
            return;
        }
        ByteBuffer batch = records;
        records = null;
        if (batch.position() > 0) {
            raw.write(batch.flip());
        }
        SPARE.giveBack(batch);
    }

    private SSLEngineResult wrap(ByteBuffer plain) throws SSLException {
        while (true) {
            int packet = engine.getSession().getPacketBufferSize();
            if (records != null && records.remaining() < packet) {
                send();
            }
            if (records == null) {
                records = SPARE.borrow(BATCH * packet);
            }
            SSLEngineResult result = engine.wrap(plain, records);
            if (result.getStatus() != SSLEngineResult.Status.BUFFER_OVERFLOW) {
                return result;
            }
            if (records.position() > 0) {
                send();
            } else {
                ByteBuffer small = records;
                records = ByteBuffer.allocate(2 * small.capacity());
                SPARE.giveBack(small);
            }
        }
    }
}
