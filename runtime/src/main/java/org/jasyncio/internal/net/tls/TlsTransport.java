package org.jasyncio.internal.net.tls;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.jasyncio.Protocol;
import org.jasyncio.Transport;

/**
 * The transport a TLS connection's application protocol writes to: plain bytes in, records out through
 * the {@link TlsProtocol} under it. Flow control is the raw transport's (its water marks, its buffer),
 * plus the few bytes a renegotiation holds back. Internal to jasyncio: not for users.
 */
final class TlsTransport implements Transport {

    private final TlsProtocol tls;
    private final TlsExtraInfo extraInfo;

    TlsTransport(TlsProtocol tls) {
        this.tls = tls;
        this.extraInfo = new TlsExtraInfo(tls);
    }

    /** Encrypts and sends {@code data}; ignored once closing. */
    @Override
    public void write(ByteBuffer data) {
        tls.write(data);
    }

    /**
     * Not supported: TLS has no half-close (asyncio's {@code can_write_eof()} is false over TLS).
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void writeEof() {
        throw new UnsupportedOperationException("SSL doesn't support half-closes: writeEof() is not supported over TLS");
    }

    /** False: TLS has no half-close. */
    @Override
    public boolean canWriteEof() {
        return false;
    }

    /** Sends what is buffered and close_notify, then closes once the peer answered (within the shutdown timeout). */
    @Override
    public void close() {
        tls.close();
    }

    @Override
    public void abort() {
        tls.abort();
    }

    @Override
    public boolean isClosing() {
        return tls.isClosing();
    }

    @Override
    public void pauseReading() {
        tls.pauseReading();
    }

    @Override
    public void resumeReading() {
        tls.resumeReading();
    }

    @Override
    public boolean isReading() {
        return tls.isReading();
    }

    /** For a TLS layer inside this one that shuts down: reading goes on down to the plain transport. */
    void readForShutdown() {
        tls.readForShutdown();
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        tls.raw().setWriteBufferLimits(high, low);
    }

    /** The raw transport's buffered records plus the application bytes a renegotiation holds back. */
    @Override
    public long getWriteBufferSize() {
        return tls.raw().getWriteBufferSize() + tls.backlogBytes();
    }

    /** {@code "ssl_object"}, {@code "peercert"}, {@code "cipher"}, {@code "sslcontext"}, and the raw transport's names. */
    @Override
    public Object getExtraInfo(String name) {
        return extraInfo.get(name);
    }

    @Override
    public Protocol getProtocol() {
        return tls.app();
    }

    /** The plain bytes go to {@code protocol} from now on. */
    @Override
    public void setProtocol(Protocol protocol) {
        tls.setApp(Objects.requireNonNull(protocol, "protocol"));
    }

    @Override
    public String toString() {
        return "<TlsTransport " + tls.raw() + ">";
    }
}
