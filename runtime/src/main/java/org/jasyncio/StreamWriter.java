package org.jasyncio;

import java.nio.ByteBuffer;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.jasyncio.internal.loop.FutureChain;

/**
 * asyncio's {@code StreamWriter}: writes to a connection. {@link #write} never waits; after writing,
 * {@code await(writer.drain())} waits while the transport's buffer is above its high-water mark, so a
 * peer that does not read pushes back instead of filling memory. All methods belong to the loop's
 * thread.
 */
public class StreamWriter {

    private final StreamReaderProtocol protocol;
    private final StreamReader reader;
    private final EventLoop loop;
    /** The TLS transport once {@link #startTls} succeeded. */
    private Transport transport;

    StreamWriter(Transport transport, StreamReaderProtocol protocol, StreamReader reader, EventLoop loop) {
        this.transport = transport;
        this.protocol = protocol;
        this.reader = reader;
        this.loop = loop;
    }

    /** The underlying transport: after {@link #startTls}, the TLS one. */
    public Transport transport() {
        return transport;
    }

    /** Writes {@code data} (sent at once or buffered). */
    public void write(byte[] data) {
        transport.write(data);
    }

    /** Writes the remaining bytes of {@code data}. */
    public void write(ByteBuffer data) {
        transport.write(data);
    }

    /** Writes each array in turn. */
    public void writelines(Iterable<byte[]> data) {
        transport.writelines(data);
    }

    /** Whether {@link #writeEof()} is supported. */
    public boolean canWriteEof() {
        return transport.canWriteEof();
    }

    /** Closes the write side after the buffer is flushed; reading goes on. */
    public void writeEof() {
        transport.writeEof();
    }

    /** Closes the connection after the buffer is flushed. */
    public void close() {
        transport.close();
    }

    /** True once closing. */
    public boolean isClosing() {
        return transport.isClosing();
    }

    /**
     * A future that completes once the connection is closed; it fails with the connection's error if
     * it broke (e.g. {@link ConnectionResetException}).
     */
    public Future<Void> waitClosed() {
        return protocol.closed();
    }

    /**
     * The transport's {@link Transport#getExtraInfo}: {@code "peername"}, {@code "sockname"},
     * {@code "socket"}; over TLS (after {@link #startTls} too) also {@code "ssl_object"},
     * {@code "peercert"}, {@code "cipher"} and {@code "sslcontext"}.
     */
    public Object getExtraInfo(String name) {
        return transport.getExtraInfo(name);
    }

    /**
     * A future to await after writing: done at once unless the write buffer is above its high-water
     * mark, else when it has drained to the low-water mark.
     *
     * @return a future failing with the reader's exception (e.g. {@link ConnectionResetException}) if
     *     the connection broke, or with {@code ConnectionResetException("Connection lost")} once it is
     *     closed
     */
    public Future<Void> drain() {
        if (reader != null && reader.exception() != null) {
            return FutureChain.failed(loop, reader.exception());
        }
        if (transport.isClosing()) {
            // Let connectionLost run first, as asyncio's drain does with sleep(0).
            Future<Void> drained = loop.createFuture();
            loop.callSoon(() -> protocol.drainHelper().addDoneCallback(done -> FutureChain.copy(done, drained)));
            return drained;
        }
        return protocol.drainHelper();
    }

    /**
     * {@link #startTls(ConnectionOptions)} with {@code ConnectionOptions.DEFAULTS.withSsl(ssl)}: a client
     * then checks the server's certificate against the peer's IP address; pass options with
     * {@code withServerHostname} to check a host name.
     */
    public Future<Void> startTls(SSLContext ssl) {
        return startTls(ConnectionOptions.DEFAULTS.withSsl(Objects.requireNonNull(ssl, "ssl")));
    }

    /**
     * asyncio's {@code StreamWriter.start_tls} (Python 3.11): upgrades this connection to TLS in place, as
     * a STARTTLS command does. Once the future completes, this writer and its reader carry plain bytes
     * over TLS, and {@link #getExtraInfo} has {@code "ssl_object"} and the other TLS names. A writer of
     * {@link AsyncIO#startServer} is the TLS server (its {@code options.ssl()} has the key and
     * certificate), one of {@link AsyncIO#openConnection} the client. Call it right after the last plain
     * exchange (e.g. after writing the "go ahead" reply, or reading it), before awaiting anything else:
     * what the peer sends from then on goes to TLS, and so do bytes the reader holds but nobody read
     * yet (a peer's handshake sent without waiting; plaintext injected behind the STARTTLS command then
     * fails the handshake rather than being read as if it had come over TLS).
     *
     * @param options {@code ssl} (required), {@code serverHostname} (a client's; {@code null}: the peer's
     *     IP address), the handshake and shutdown timeouts
     * @return a future completing once the handshake succeeded, or failing with the handshake's
     *     {@link javax.net.ssl.SSLHandshakeException} or {@link TimeoutException}, after which the
     *     connection is closed and the reader fails with the same exception
     * @throws IllegalArgumentException if {@code options.ssl()} is {@code null} or an earlier upgrade is under
     *     way: "transport ... is not supported by startTls() (start_tls): it carries TLS already" (once it is
     *     done, another {@code startTls} runs a second TLS inside the first, as asyncio's does)
     * @throws IllegalStateException if the connection is closing
     */
    public Future<Void> startTls(ConnectionOptions options) {
        Future<Transport> tls = loop.startTls(transport, protocol, options, protocol.serverSide(),
                () -> reader != null ? reader.takeUnread() : null);
        return FutureChain.map(loop, tls, upgraded -> {
            transport = upgraded;
            protocol.replaceTransport(upgraded);
            return null;
        }, Transport::abort);
    }

    @Override
    public String toString() {
        return "<StreamWriter transport=" + transport + ">";
    }
}
