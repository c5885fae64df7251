package org.jasyncio;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jasyncio.internal.loop.FutureChain;

/**
 * asyncio's {@code StreamReaderProtocol}: feeds a {@link StreamReader}, tracks write pause for
 * {@link StreamWriter#drain()}, and on a server starts the client handler as a task.
 */
final class StreamReaderProtocol implements Protocol {

    private final EventLoop loop;
    private final StreamReader reader;
    private final ClientConnected handler;
    private final ArrayDeque<Future<Void>> drainWaiters = new ArrayDeque<>();
    private final Future<Void> closed;
    /** What drain() returns while writing is not paused: one done future, so a drain per chunk allocates nothing. */
    private final Future<Void> notPaused;
    private Task<Object> handlerTask;
    /** The application's transport: the TLS one after {@link StreamWriter#startTls}. */
    private Transport transport;
    private boolean writingPaused;
    private boolean lost;
    private Throwable lostException;

    /** A protocol feeding {@code reader}; with a {@code handler}, a server's, which starts it per connection. */
    StreamReaderProtocol(EventLoop loop, StreamReader reader, ClientConnected handler) {
        this.loop = loop;
        this.reader = reader;
        this.handler = handler;
        this.closed = loop.createFuture();
        this.notPaused = FutureChain.completed(loop, null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void connectionMade(Transport transport) {
        this.transport = transport;
        reader.setTransport(transport);
        if (handler == null) {
            return;
        }
        StreamWriter writer = new StreamWriter(transport, this, reader, loop);
        handlerTask = loop.createTask(() -> (Task<Object>) handler.handle(reader, writer));
        handlerTask.addDoneCallback(done -> {
            handlerTask = null;
            if (done.cancelled()) {
                this.transport.close();
                return;
            }
            Throwable failure = done.exception();
            if (failure != null) {
                Map<String, Object> context = new LinkedHashMap<>();
                context.put("message", "Unhandled exception in the clientConnected callback (client_connected_cb)");
                context.put("exception", failure);
                context.put("transport", this.transport);
                loop.callExceptionHandler(context);
                this.transport.close();
            }
        });
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        reader.feedData(data);
    }

    @Override
    public boolean eofReceived() {
        reader.feedEof();
        return true;
    }

    @Override
    public void connectionLost(Throwable exception) {
        lost = true;
        lostException = exception;
        if (exception == null) {
            if (!reader.atEof()) {
                reader.feedEof();
            }
            closed.setResult(null);
        } else {
            reader.setException(exception);
            closed.setException(exception);
            // Nobody may ever wait for the close: do not report the error as never retrieved (asyncio's __del__ does the same).
            closed.exception();
        }
        writingPaused = false;
        for (Future<Void> waiter : drainWaiters) {
            if (waiter.done()) {
                continue;
            }
            if (exception == null) {
                waiter.setResult(null);
            } else {
                waiter.setException(exception);
            }
        }
        drainWaiters.clear();
    }

    @Override
    public void pauseWriting() {
        writingPaused = true;
    }

    @Override
    public void resumeWriting() {
        writingPaused = false;
        for (Future<Void> waiter : drainWaiters) {
            if (!waiter.done()) {
                waiter.setResult(null);
            }
        }
        drainWaiters.clear();
    }

    /** Whether this is a server's protocol (the TLS server's side in {@link StreamWriter#startTls}). */
    boolean serverSide() {
        return handler != null;
    }

    /** The connection went over TLS: {@code tls} is the application's transport from now on. */
    void replaceTransport(Transport tls) {
        transport = tls;
    }

    /** What {@link StreamWriter#drain()} awaits once the transport is not closing. */
    Future<Void> drainHelper() {
        if (lost) {
            return FutureChain.failed(loop, new ConnectionResetException("Connection lost", lostException));
        }
        if (!writingPaused) {
            return notPaused;
        }
        Future<Void> waiter = loop.createFuture();
        drainWaiters.add(waiter);
        return waiter;
    }

    /** Completes when the connection is lost (failing with its exception, if any). */
    Future<Void> closed() {
        return closed;
    }
}
