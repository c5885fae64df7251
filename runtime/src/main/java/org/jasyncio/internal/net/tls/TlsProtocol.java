package org.jasyncio.internal.net.tls;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.TimeoutException;
import org.jasyncio.Transport;
import org.jasyncio.internal.net.TransportFaults;

/**
 * TLS between a raw TCP transport and the application's protocol (asyncio's {@code SSLProtocol}): the
 * raw transport feeds this protocol records, the application's protocol gets plain bytes from a
 * {@link TlsTransport}. Since it only uses the {@link Transport} and {@link Protocol} interfaces, it
 * works alike on every loop type. Internal to jasyncio.
 *
 * <p>Life: the handshake starts when the raw connection is made and must end within the handshake
 * timeout; then the application's {@code connectionMade} runs (and a client's {@link #handshake()}
 * future completes). The application's {@code close()} flushes its bytes, sends close_notify and waits
 * for the peer's close_notify or EOF before closing the raw transport, all within the shutdown timeout;
 * the peer's close_notify, or an EOF without one (as asyncio does: no truncation error), reaches the
 * application as {@code eofReceived()} and closes the connection. A TLS error ends the connection with
 * that {@link SSLException} (a handshake's fails the client's {@link #handshake()} future, or is reported
 * to the loop's exception handler on a server), after sending the engine's alert.
 *
 * <p>{@code startTls} puts one under a connection that is up already (the raw transport's
 * {@code setProtocol}; over a TLS connection, the outer layer's {@link TlsTransport} is the raw transport of
 * the inner layer, TLS inside TLS): the application keeps its protocol, whose {@code connectionMade} ran on the plain
 * connection, and the {@link #handshake()} future, on either side, tells how the handshake went.
 *
 * <p>The engine's delegated tasks (certificate checks, key exchange computations) run inline on the
 * loop's thread: they are CPU work of a millisecond or so that would otherwise cost two thread
 * hand-offs, and asyncio (OpenSSL) does the same work inline too.
 */
final class TlsProtocol implements Protocol {

    private static final System.Logger LOGGER = System.getLogger("org.jasyncio");
    /** Records unwrapped per hand-over to the application at most (fewer, larger dataReceived calls). */
    private static final int BATCH = 4;
    /** A plaintext buffer grown beyond this (for records larger than the usual ones) is not kept as the spare. */
    private static final int KEEP_AT_MOST = 256 * 1024;
    private static final TlsScratch SPARE = new TlsScratch(KEEP_AT_MOST);

    private enum State { CONNECTING, HANDSHAKING, OPEN, SHUTTING_DOWN, LOST }

    private final EventLoop loop;
    private final SSLContext context;
    private final SSLEngine engine;
    private final TlsTimeouts timeouts;
    private final Future<Transport> handshake;
    private Protocol app;
    /**
     * Whether the application's {@code connectionMade} ran: once the handshake is done, or before TLS
     * started for a connection that {@code startTls} upgrades. It then gets {@code connectionLost} too.
     */
    private boolean appMade;
    private final CipherInput input;
    private final CipherOutput output;
    private final TlsTransport transport;
    /** Unwrapped bytes not handed over yet: the thread's spare, borrowed for one pump; null between pumps. */
    private ByteBuffer plain;
    private Transport raw;
    private TransportFaults faults;
    private State state = State.CONNECTING;
    private final TlsDeadline deadline;
    /** What ends the connection, for the application's {@code connectionLost}; the first one wins. */
    private Throwable failure;
    private boolean pumping;
    private boolean pumpAgain;
    private boolean appReadingPaused;
    private boolean appWritingPaused;
    private boolean rawWritingPaused;
    /** The raw transport saw EOF while the application had paused reading: handled on resume. */
    private boolean eofPending;
    /** The peer sent close_notify or EOF. */
    private boolean peerDone;
    /** close_notify waits for the backlog (application bytes held back by a handshake). */
    private boolean closeAfterBacklog;

    /**
     * TLS through {@code engine} (made from {@code context}, in client or server mode) for {@code app};
     * {@code handshake} (or {@code null} on a server) completes with the application's transport once
     * the handshake succeeded and the application's {@code connectionMade} returned. With
     * {@code appConnected} ({@code startTls}), {@code app} is connected already: its {@code connectionMade}
     * is not called again, and a failed handshake ends it with {@code connectionLost}.
     */
    TlsProtocol(EventLoop loop, SSLContext context, SSLEngine engine, TlsTimeouts timeouts, Protocol app,
            Future<Transport> handshake, boolean appConnected) {
        this.loop = loop;
        this.context = context;
        this.engine = engine;
        this.timeouts = timeouts;
        this.app = app;
        this.appMade = appConnected;
        this.handshake = handshake;
        this.input = new CipherInput(engine);
        this.output = new CipherOutput(engine);
        this.transport = new TlsTransport(this);
        this.deadline = new TlsDeadline(loop);
        if (handshake != null) {
            handshake.addDoneCallback(done -> {
                if (done.cancelled() && raw != null) {
                    raw.abort();
                }
            });
        }
    }

    /** The client's handshake: completes with the application's transport, or fails with why the handshake failed. */
    Future<Transport> handshake() {
        return handshake;
    }

    // ---- the raw transport's side ------------------------------------------------------------

    @Override
    public void connectionMade(Transport rawTransport) {
        raw = rawTransport;
        faults = new TransportFaults(loop, transport, app);
        output.attach(rawTransport);
        state = State.HANDSHAKING;
        deadline.set(timeouts.handshake(), this::handshakeTimedOut);
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            tlsFailed(e);
            return;
        }
        pump();
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (state == State.LOST || failure != null) {
            data.position(data.limit());
            return;
        }
        input.receive(data);
        try {
            pump();
        } finally {
            if (state == State.LOST) {
                input.clear();
            } else {
                input.keepRest();
            }
        }
    }

    @Override
    public boolean eofReceived() {
        switch (state) {
            case HANDSHAKING:
                // A peer gone before the handshake ended (a port check, a client that gave up) is ordinary:
                // logged at DEBUG only, as asyncio does for a reset; a client's connect fails with it.
                if (failure == null) {
                    failure = new SSLHandshakeException("Remote host terminated the handshake");
                    LOGGER.log(System.Logger.Level.DEBUG, () -> transport + ": EOF during the SSL handshake");
                }
                return false;
            case OPEN:
                // Records that arrived before the EOF (reading may have resumed without a pump yet) go first.
                pump();
                if (state != State.OPEN) {
                    peerDone = true;
                    return false;
                }
                if (appReadingPaused) {
                    eofPending = true;
                    return true;
                }
                peerEof();
                return false;
            default:
                peerDone = true;
                return false;
        }
    }

    @Override
    public void connectionLost(Throwable exception) {
        deadline.cancel();
        State was = state;
        state = State.LOST;
        output.drop();
        input.clear();
        Throwable reason = failure != null ? failure : exception;
        if (handshake != null && !handshake.done()) {
            handshake.setException(reason != null ? reason
                    : new SSLHandshakeException("Connection closed during the SSL handshake"));
        }
        if (appMade) {
            app.connectionLost(reason);
        }
    }

    @Override
    public void pauseWriting() {
        rawWritingPaused = true;
        if (state == State.CONNECTING && appMade) {
            // startTls under a transport whose writing is paused: the application it served was paused with it.
            appWritingPaused = true;
        } else if (appConnected() && !appWritingPaused) {
            appWritingPaused = true;
            app.pauseWriting();
        }
    }

    /** The application resumes once connected: a startTls handshake resumes it when it is done, not before. */
    @Override
    public void resumeWriting() {
        rawWritingPaused = false;
        if (appWritingPaused && appConnected()) {
            appWritingPaused = false;
            app.resumeWriting();
        }
    }

    // ---- the application's side (through TlsTransport) ---------------------------------------

    void write(ByteBuffer data) {
        if (state != State.OPEN || failure != null || raw.isClosing()) {
            data.position(data.limit());
            return;
        }
        try {
            output.write(data);
            output.send();
        } catch (SSLException e) {
            tlsFailed(e);
            return;
        }
        if (output.hasBacklog() || engine.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
            pump();
        }
    }

    void close() {
        if (state == State.OPEN) {
            startShutdown();
        }
    }

    void abort() {
        if (raw != null) {
            raw.abort();
        }
    }

    boolean isClosing() {
        return state != State.OPEN || raw.isClosing();
    }

    void pauseReading() {
        if (isClosing() || appReadingPaused) {
            return;
        }
        appReadingPaused = true;
        raw.pauseReading();
    }

    void resumeReading() {
        if (isClosing() || !appReadingPaused) {
            return;
        }
        appReadingPaused = false;
        raw.resumeReading();
        // Not from inside the caller (often the application's own dataReceived): on the next iteration.
        loop.callSoon(this::resumed);
    }

    boolean isReading() {
        return !appReadingPaused && !isClosing();
    }

    Transport raw() {
        return raw;
    }

    Protocol app() {
        return app;
    }

    /** Whether the connection is gone (asyncio's SSL protocol then drops its raw transport). */
    boolean lost() {
        return state == State.LOST;
    }

    /**
     * The application's {@code setProtocol}: {@code protocol} gets the plain bytes from now on, and hears
     * at once if writing is paused.
     */
    void setApp(Protocol protocol) {
        app = protocol;
        faults = new TransportFaults(loop, transport, protocol);
        if (appWritingPaused) {
            protocol.pauseWriting();
        }
    }

    SSLEngine engine() {
        return engine;
    }

    SSLContext context() {
        return context;
    }

    long backlogBytes() {
        return output.backlogBytes();
    }

    // ---- the engine ---------------------------------------------------------------------------

    /** Moves the engine on as far as it goes with what arrived; never nests (an application callback may call back in). */
    private void pump() {
        if (pumping) {
            pumpAgain = true;
            return;
        }
        pumping = true;
        try {
            do {
                pumpAgain = false;
                advance();
                deliver();
            } while (pumpAgain && active());
            output.send();
        } catch (SSLException e) {
            pumping = false;
            tlsFailed(e);
        } finally {
            pumping = false;
            givePlainBack();
        }
        finishShutdownIfDone();
    }

    private boolean active() {
        return failure == null && !raw.isClosing()
                && (state == State.HANDSHAKING || state == State.OPEN || state == State.SHUTTING_DOWN);
    }

    private void advance() throws SSLException {
        while (active()) {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK:
                    runDelegatedTasks();
                    break;
                case NEED_WRAP:
                    if (!output.wrapControl()) {
                        return;
                    }
                    break;
                case NOT_HANDSHAKING:
                    if (state == State.HANDSHAKING) {
                        output.send();
                        handshakeDone();
                        break;
                    }
                    if (sendBacklog()) {
                        break;
                    }
                    if (!unwrap()) {
                        return;
                    }
                    break;
                default:
                    if (!unwrap()) {
                        return;
                    }
                    break;
            }
        }
    }

    /**
     * Wraps the application's bytes a handshake held back, then the close_notify that waited for them;
     * returns whether it got anywhere (else the engine waits for the peer).
     */
    private boolean sendBacklog() throws SSLException {
        if (output.hasBacklog()) {
            return output.flushBacklog();
        }
        if (closeAfterBacklog) {
            closeAfterBacklog = false;
            engine.closeOutbound();
            return true;
        }
        return false;
    }

    private void runDelegatedTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** Unwraps one record into {@link #plain} (handing it over first if it has no room); returns whether to go on. */
    private boolean unwrap() throws SSLException {
        if (engine.isInboundDone() || state == State.OPEN && appReadingPaused) {
            return false;
        }
        ByteBuffer records = input.records();
        if (!records.hasRemaining()) {
            return false;
        }
        int room = engine.getSession().getApplicationBufferSize();
        if (plain != null && plain.remaining() < room) {
            if (plain.position() > 0) {
                deliver();
                return true;
            }
            givePlainBack();
        }
        if (plain == null) {
            plain = SPARE.borrow(BATCH * room);
        }
        SSLEngineResult result = engine.unwrap(records, plain);
        switch (result.getStatus()) {
            case BUFFER_UNDERFLOW:
                return input.refill();
            case BUFFER_OVERFLOW:
                if (plain.position() > 0) {
                    deliver();
                } else {
                    int larger = 2 * plain.capacity();
                    givePlainBack();
                    plain = ByteBuffer.allocate(larger);
                }
                return true;
            case CLOSED:
                deliver();
                peerClosed();
                return false;
            default:
                // Nothing taken and nothing made: the engine waits for the rest of a record.
                return result.bytesConsumed() > 0 || result.bytesProduced() > 0 || input.refill();
        }
    }

    /**
     * Hands the unwrapped bytes to the application (dropped unless it is connected and has not closed).
     * Records wrapped so far go out first, so the batch buffer is back as the spare while the
     * application runs (it may write to other connections of this loop).
     */
    private void deliver() {
        if (plain == null || plain.position() == 0) {
            return;
        }
        output.send();
        plain.flip();
        if (state == State.OPEN && failure == null) {
            try {
                app.dataReceived(plain);
            } catch (RuntimeException e) {
                plain.clear();
                appFailed(e, "Fatal error: protocol.dataReceived() call failed.");
                return;
            }
        }
        plain.clear();
    }

    private void givePlainBack() {
        if (plain != null) {
            ByteBuffer done = plain;
            plain = null;
            SPARE.giveBack(done);
        }
    }

    private void handshakeDone() {
        // Handshake records unwrap to nothing: the spare is free while the application's connectionMade runs.
        if (plain != null && plain.position() == 0) {
            givePlainBack();
        }
        deadline.cancel();
        state = State.OPEN;
        if (!appMade) {
            appMade = true;
            try {
                app.connectionMade(transport);
            } catch (RuntimeException e) {
                appFailed(e, "Fatal error: protocol.connectionMade() call failed.");
                return;
            }
        }
        if (rawWritingPaused != appWritingPaused) {
            appWritingPaused = rawWritingPaused;
            if (appWritingPaused) {
                app.pauseWriting();
            } else {
                app.resumeWriting();
            }
        }
        if (handshake != null && !handshake.done()) {
            handshake.setResult(transport);
        }
    }

    private void handshakeTimedOut() {
        if (state != State.HANDSHAKING || failure != null) {
            return;
        }
        failure = new TimeoutException("SSL handshake is taking longer than " + timeouts.handshake()
                + " seconds: aborting the connection");
        reportHandshakeFailure();
        raw.abort();
    }

    private void reportHandshakeFailure() {
        if (handshake == null) {
            faults.report("SSL handshake failed", failure);
        }
    }

    // ---- closing ------------------------------------------------------------------------------

    /** The peer's close_notify arrived. */
    private void peerClosed() throws SSLException {
        peerDone = true;
        if (state == State.HANDSHAKING) {
            throw new SSLHandshakeException("Remote host closed the connection during the handshake");
        }
        if (state == State.OPEN) {
            appEof();
            if (state == State.OPEN) {
                startShutdown();
            }
        }
    }

    /** The raw transport's EOF without close_notify while open: a clean EOF, as asyncio takes it. */
    private void peerEof() {
        LOGGER.log(System.Logger.Level.DEBUG, () -> transport + ": EOF without close_notify");
        peerDone = true;
        appEof();
        state = State.SHUTTING_DOWN;
    }

    /** TLS has no half-close: what the application's eofReceived returns does not keep the connection open. */
    private void appEof() {
        try {
            app.eofReceived();
        } catch (RuntimeException e) {
            appFailed(e, "Fatal error: protocol.eofReceived() call failed.");
        }
    }

    private void resumed() {
        if (state != State.OPEN || appReadingPaused) {
            return;
        }
        pump();
        if (eofPending && state == State.OPEN && !appReadingPaused) {
            eofPending = false;
            peerEof();
            raw.close();
        }
    }

    /** Flushes the application's bytes, then close_notify; the raw transport closes once the peer is done too. */
    private void startShutdown() {
        state = State.SHUTTING_DOWN;
        deadline.set(timeouts.shutdown(), this::shutdownTimedOut);
        readForShutdown();
        if (output.hasBacklog()) {
            closeAfterBacklog = true;
        } else {
            engine.closeOutbound();
        }
        pump();
    }

    /**
     * The peer's close_notify must be read, whoever paused reading: the application through us, a
     * StreamReader that paused the plain transport it had before startTls, or (TLS inside TLS) the
     * application of a layer below. A layer below that was paused delivers what it holds on the next
     * iteration, as after {@code resumeReading}.
     */
    void readForShutdown() {
        boolean wasPaused = appReadingPaused;
        appReadingPaused = false;
        if (raw instanceof TlsTransport below) {
            below.readForShutdown();
        } else {
            raw.resumeReading();
        }
        if (wasPaused && state == State.OPEN) {
            loop.callSoon(this::resumed);
        }
    }

    private void finishShutdownIfDone() {
        if (state == State.SHUTTING_DOWN && failure == null && peerDone && engine.isOutboundDone()) {
            raw.close();
        }
    }

    private void shutdownTimedOut() {
        if (state == State.LOST) {
            return;
        }
        if (failure == null) {
            failure = new TimeoutException("SSL shutdown timed out");
        }
        raw.abort();
    }

    /** A TLS error: the engine's alert goes out, then the raw transport closes (bounded by the shutdown timeout). */
    private void tlsFailed(SSLException e) {
        if (failure != null || state == State.LOST) {
            return;
        }
        failure = e;
        if (state == State.HANDSHAKING) {
            reportHandshakeFailure();
        } else {
            LOGGER.log(System.Logger.Level.DEBUG, () -> transport + ": TLS error", e);
        }
        output.drop();
        engine.closeOutbound();
        try {
            boolean produced;
            do {
                produced = output.wrapControl();
            } while (produced);
        } catch (SSLException alreadyBroken) {
            LOGGER.log(System.Logger.Level.DEBUG, () -> transport + ": no alert sent", alreadyBroken);
        }
        output.send();
        deadline.set(timeouts.shutdown(), this::shutdownTimedOut);
        raw.close();
    }

    /** An application callback threw: reported as asyncio does, and the connection aborted with that exception. */
    private void appFailed(RuntimeException e, String message) {
        if (failure == null) {
            failure = e;
            faults.report(message, e);
        }
        raw.abort();
    }

    private boolean appConnected() {
        return state == State.OPEN || state == State.SHUTTING_DOWN;
    }

    @Override
    public String toString() {
        return "<TlsProtocol " + state + " " + raw + ">";
    }
}
