package org.jasyncio.internal.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.util.ArrayDeque;
import java.util.Objects;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.Transport;

/**
 * What a TCP transport does alike on either loop type: the protocol and its addresses, the queue of
 * bytes the socket has not taken yet with its flow control, fault reporting, pausing reading, and the
 * close sequence ({@code close()} waits for the queue to drain, then {@link Protocol#connectionLost}
 * runs on a later iteration and the channel closes; {@code abort()} and fatal errors drop the queue).
 * A subclass says only how bytes move: on readiness (the selector loop) or on completions (the
 * proactor). Internal to jasyncio: not for users.
 *
 * <p>The state a subclass's read and write paths test on every event is in protected fields rather
 * than behind accessors, and the helpers they call are final, so sharing this class adds no dispatch
 * to those paths.
 */
public abstract class StreamTransportBase implements Transport {

    /** How many queued buffers one gathering write hands to the kernel at most. */
    private static final int MAX_GATHER = 64;

    private final EventLoop loop;
    private final ServerConnections server;
    private final SocketExtraInfo extraInfo;
    private final WriteSide writeSide = new WriteSide();
    private TransportFaults faults;
    /** The protocol this transport feeds; {@link #setProtocol} replaces it, so the read paths read this field on every event. */
    protected Protocol protocol;
    /** Pauses and resumes the protocol's writing as {@link #buffered} crosses the marks. */
    protected final WriteFlowControl flow;
    /** Copies of the bytes the socket has not taken yet, oldest first. */
    protected final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    /** Filled by {@link #gatherPending()} for one gathering write. */
    protected final ByteBuffer[] gather = new ByteBuffer[MAX_GATHER];
    /** The bytes left in {@link #pending}: zero exactly when it is empty. */
    protected long buffered;
    /** Set by {@link #pauseReading()}; the subclass delivers no data while it is set. */
    protected boolean readingPaused;
    /** Set by {@code close()}, {@code abort()} and fatal errors; never cleared. */
    protected boolean closing;
    /** Set by {@code writeEof()}: the write side shuts down once {@link #pending} drains. */
    protected boolean eofRequested;
    private boolean lost;

    /**
     * A transport of {@code channel}, connected to {@code peername}, serving {@code protocol} on
     * {@code loop}; {@code server} (or {@code null} for a client connection) hears of it once its
     * connection is lost.
     */
    protected StreamTransportBase(EventLoop loop, NetworkChannel channel, SocketAddress peername, Protocol protocol,
            ServerConnections server) throws IOException {
        this.loop = loop;
        this.protocol = protocol;
        this.server = server;
        this.extraInfo = new SocketExtraInfo(peername, channel.getLocalAddress(), channel);
        this.faults = new TransportFaults(loop, this, protocol);
        this.flow = new WriteFlowControl(writeSide, new TransportFaults(loop, this, writeSide));
    }

    /** Starts taking bytes from the socket, unless closing or paused; called again on resume. */
    protected abstract void startReading();

    /** Stops taking bytes from the socket; a read already under way must not reach the protocol. */
    protected abstract void stopReading();

    /** Stops waiting to write: {@link #pending} was dropped. */
    protected abstract void stopWriting();

    /** Shuts down the socket's write side. */
    protected abstract void shutdownChannelOutput() throws IOException;

    /** Closes the channel, after {@link Protocol#connectionLost} returned. */
    protected abstract void closeChannel();

    /**
     * Schedules {@link Protocol#connectionMade}, then starts reading and completes {@code made} (if not
     * {@code null}) with this transport, as asyncio's transport constructor does.
     */
    public final void start(Future<Transport> made) {
        loop.callSoon(() -> {
            try {
                protocol.connectionMade(this);
            } catch (RuntimeException e) {
                fatal(e, "Fatal error: protocol.connectionMade() call failed.");
                if (made != null && !made.done()) {
                    made.setException(e);
                }
                return;
            }
            startReading();
            if (made != null && !made.done()) {
                made.setResult(this);
            }
        });
    }

    /** The peer closed its write side: the protocol decides whether this side closes too. */
    protected final void readEof() {
        boolean keepOpen;
        try {
            keepOpen = protocol.eofReceived();
        } catch (RuntimeException e) {
            fatal(e, "Fatal error: protocol.eofReceived() call failed.");
            return;
        }
        if (!keepOpen) {
            close();
        }
    }

    /**
     * Whether {@code write(data)} has nothing to send: {@code data} is empty or the transport is closing
     * (its bytes are then consumed, as asyncio drops them).
     *
     * @throws IllegalStateException after {@code writeEof()}
     */
    protected final boolean discardsWrite(ByteBuffer data) {
        if (eofRequested) {
            throw new IllegalStateException("Cannot call write() after writeEof()");
        }
        if (!data.hasRemaining() || closing) {
            data.position(data.limit());
            return true;
        }
        return false;
    }

    /** Queues a copy of what is left of {@code data}: the caller may reuse its buffer at once. */
    protected final void queueCopy(ByteBuffer data) {
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        pending.add(copy);
        buffered += copy.remaining();
    }

    /** Puts the oldest queued buffers into {@link #gather}; returns how many. */
    protected final int gatherPending() {
        int count = 0;
        for (ByteBuffer chunk : pending) {
            gather[count++] = chunk;
            if (count == MAX_GATHER) {
                break;
            }
        }
        return count;
    }

    /** The socket took {@code written} queued bytes: drops the buffers it emptied. */
    protected final void written(long written) {
        buffered -= written;
        while (!pending.isEmpty() && !pending.peek().hasRemaining()) {
            pending.poll();
        }
    }

    /** The queue drained: finishes a {@code close()} or {@code writeEof()} that waited for it. */
    protected final void flushed() {
        if (closing) {
            scheduleConnectionLost(null);
        } else if (eofRequested) {
            shutdownOutput();
        }
    }

    @Override
    public final void writeEof() {
        if (closing || eofRequested) {
            return;
        }
        eofRequested = true;
        if (pending.isEmpty()) {
            shutdownOutput();
        }
    }

    private void shutdownOutput() {
        try {
            shutdownChannelOutput();
        } catch (IOException e) {
            fatal(e, "Fatal error on shutting down the write side of a socket transport");
        }
    }

    @Override
    public final boolean canWriteEof() {
        return true;
    }

    @Override
    public final void close() {
        if (closing) {
            return;
        }
        closing = true;
        stopReading();
        if (pending.isEmpty()) {
            scheduleConnectionLost(null);
        }
    }

    @Override
    public final void abort() {
        forceClose(null);
    }

    @Override
    public final boolean isClosing() {
        return closing;
    }

    @Override
    public final void pauseReading() {
        if (closing || readingPaused) {
            return;
        }
        readingPaused = true;
        stopReading();
    }

    @Override
    public final void resumeReading() {
        if (closing || !readingPaused) {
            return;
        }
        readingPaused = false;
        startReading();
    }

    @Override
    public final boolean isReading() {
        return !readingPaused && !closing;
    }

    @Override
    public final void setWriteBufferLimits(int high, int low) {
        flow.setLimits(high, low);
        flow.grew(buffered);
    }

    @Override
    public final long getWriteBufferSize() {
        return buffered;
    }

    @Override
    public final Object getExtraInfo(String name) {
        return extraInfo.get(name);
    }

    @Override
    public final Protocol getProtocol() {
        return protocol;
    }

    /**
     * Feeds {@code protocol} from now on, and reports faults with it. If writing is paused, it stays paused
     * and {@code protocol} hears so at once ({@code pauseWriting}); it gets the {@code resumeWriting}.
     */
    @Override
    public final void setProtocol(Protocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        faults = new TransportFaults(loop, this, protocol);
        if (writeSide.paused) {
            protocol.pauseWriting();
        }
    }

    /**
     * What the flow control pauses and resumes: whichever protocol is current, so that a pause outlives
     * {@link #setProtocol} and its resume reaches the new protocol.
     */
    private final class WriteSide implements Protocol {
        boolean paused;

        @Override
        public void pauseWriting() {
            paused = true;
            protocol.pauseWriting();
        }

        @Override
        public void resumeWriting() {
            paused = false;
            protocol.resumeWriting();
        }

        @Override
        public String toString() {
            return protocol.toString();
        }
    }

    /** Reports {@code failure} (see {@link TransportFaults#fatal}) and ends the connection with it. */
    protected final void fatal(Throwable failure, String message) {
        forceClose(faults.fatal(failure, message));
    }

    private void forceClose(Throwable exception) {
        if (lost) {
            return;
        }
        if (!pending.isEmpty()) {
            pending.clear();
            buffered = 0;
            stopWriting();
        }
        if (!closing) {
            closing = true;
            stopReading();
        }
        scheduleConnectionLost(exception);
    }

    private void scheduleConnectionLost(Throwable exception) {
        if (lost) {
            return;
        }
        lost = true;
        loop.callSoon(() -> connectionLost(exception));
    }

    /** Whether {@link Protocol#connectionLost} is scheduled or done: no completion may touch the queue. */
    protected final boolean isLost() {
        return lost;
    }

    private void connectionLost(Throwable exception) {
        try {
            protocol.connectionLost(exception);
        } finally {
            closeChannel();
            if (server != null) {
                server.detach(this);
            }
        }
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + extraInfo.sockname() + " -> " + extraInfo.peername()
                + (closing ? " closing" : "") + ">";
    }
}
